package io.fountain.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import io.fountain.local.LocalStack;
import io.fountain.local.Service;
import io.fountain.testing.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert rules and the dashboard in infra/observability name only metrics the running
 * system exports.
 */
class ObservabilityAsCodeSystemIntegrationTests {

	private static final Pattern METRIC = Pattern.compile("\\b(fountain_[a-z0-9_]+)");

	private static final Path OBSERVABILITY = Path.of(System.getProperty("fountain.repo", "../.."), "infra",
			"observability");

	@Test
	void everyMetricTheAlertsAndTheDashboardNameIsExported() throws IOException {
		Set<String> named = new TreeSet<>();
		alertExpressions().forEach(expr -> named.addAll(metrics(expr)));
		dashboardExpressions().forEach(expr -> named.addAll(metrics(expr)));
		assertThat(named).contains("fountain_consumer_lag_records", "fountain_dead_letters",
				"fountain_outbox_oldest_age_seconds", "fountain_reconciliation_fixed_total");

		LocalStack stack = SystemUnderTest.stack();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(exported(stack)).containsAll(named));
	}

	private static Set<String> exported(LocalStack stack) {
		Set<String> names = new HashSet<>();
		for (Service service : Service.values()) {
			// The edge's metrics need the operator role, as a Prometheus scrape job with
			// a bearer token has it.
			Http http = service == Service.EDGE
					? new Http(stack.url(service),
							Map.of("Authorization", "Bearer " + stack.token("prometheus", "operator")))
					: new Http(stack.url(service));
			String scrape = http.get("/actuator/prometheus").body();
			scrape.lines()
				.filter(line -> !line.startsWith("#") && !line.isBlank())
				.map(line -> line.split("[{ ]", 2)[0])
				.forEach(names::add);
		}
		return names;
	}

	@SuppressWarnings("unchecked")
	private static List<String> alertExpressions() throws IOException {
		Map<String, Object> rules = new Yaml().load(Files.readString(OBSERVABILITY.resolve("prometheus/alerts.yml")));
		return ((List<Map<String, Object>>) rules.get("groups")).stream()
			.flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream())
			.map(rule -> {
				assertThat(rule).containsKeys("alert", "expr", "annotations");
				return (String) rule.get("expr");
			})
			.toList();
	}

	private static List<String> dashboardExpressions() throws IOException {
		JsonNode dashboard = JsonMapper.builder()
			.build()
			.readTree(Files.readString(OBSERVABILITY.resolve("grafana/fountain-dashboard.json")));
		assertThat(dashboard.get("panels")).isNotEmpty();
		return dashboard.findValuesAsString("expr");
	}

	private static Set<String> metrics(String expression) {
		Set<String> names = new HashSet<>();
		Matcher matcher = METRIC.matcher(expression);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

}
