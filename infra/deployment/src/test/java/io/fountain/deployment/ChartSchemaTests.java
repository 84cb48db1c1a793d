package io.fountain.deployment;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every object the chart renders, with each value set, is valid for the API that will
 * receive it: Kubernetes' own kinds against fabric8's schemas of the Kubernetes API,
 * Strimzi's against its CRDs (from io.strimzi:api 1.2.0), CloudNativePG's against the
 * fields it documents; strictly (an unknown field is an error). What an API server alone
 * would find (admission, quotas, whether the operators are installed) is not checked
 * here: there is none.
 */
class ChartSchemaTests {

	@ParameterizedTest
	@ValueSource(strings = { "operators", "external", "local" })
	void everyRenderedObjectIsValid(String valueSet) {
		ObjectSchemas schemas = ObjectSchemas.load();
		RenderedChart chart = RenderedChart.of(valueSet);
		List<String> problems = new ArrayList<>();
		for (JsonNode object : chart.objects()) {
			schemas.problems(object)
				.forEach(problem -> problems
					.add(ObjectSchemas.type(object) + " " + object.at("/metadata/name").asString() + ": " + problem));
		}
		// Every object was checked: as many as ChartTests counts for the set.
		assertThat(chart.objects()).hasSize(switch (valueSet) {
			case "operators" -> 83;
			case "external" -> 42;
			default -> 76;
		});
		assertThat(problems).isEmpty();
	}

	@Test
	void theSchemasCoverEveryKindTheChartRenders() {
		assertThat(ObjectSchemas.load().types()).contains("apps/v1/Deployment", "v1/Service", "v1/ConfigMap",
				"v1/Secret", "v1/ServiceAccount", "policy/v1/PodDisruptionBudget",
				"autoscaling/v2/HorizontalPodAutoscaler", "kafka.strimzi.io/v1/Kafka",
				"kafka.strimzi.io/v1/KafkaNodePool", "kafka.strimzi.io/v1/KafkaTopic", "kafka.strimzi.io/v1/KafkaUser",
				"postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/ScheduledBackup");
	}

	/**
	 * The checks are not vacuous: a typo, a wrong type or an unknown kind each make a
	 * problem.
	 */
	@Test
	void aBrokenObjectIsCaught() {
		ObjectSchemas schemas = ObjectSchemas.load();
		RenderedChart chart = RenderedChart.of("operators");

		ObjectNode deployment = (ObjectNode) chart.named("Deployment", "fountain-act-svc").deepCopy();
		((ObjectNode) deployment.path("spec")).put("replica", 2);
		assertThat(schemas.problems(deployment)).singleElement().asString().contains("replica");

		ObjectNode probe = (ObjectNode) chart.named("Deployment", "fountain-act-svc").deepCopy();
		((ObjectNode) probe.at("/spec/template/spec/containers/0/livenessProbe")).put("periodSeconds", "often");
		assertThat(schemas.problems(probe)).isNotEmpty();

		ObjectNode user = (ObjectNode) chart.named("KafkaUser", "fountain-act-svc").deepCopy();
		((ObjectNode) user.at("/spec/authorization/acls/0")).putArray("operations").add("Everything");
		assertThat(schemas.problems(user)).isNotEmpty();

		ObjectNode topic = (ObjectNode) chart.named("KafkaTopic", "fountain.act.events").deepCopy();
		((ObjectNode) topic.path("spec")).put("partition", 3);
		assertThat(schemas.problems(topic)).isNotEmpty();

		ObjectNode cluster = (ObjectNode) chart.named("Cluster", "fountain-act-svc-db").deepCopy();
		((ObjectNode) cluster.path("spec")).remove("instances");
		assertThat(schemas.problems(cluster)).isNotEmpty();

		ObjectNode unknown = (ObjectNode) chart.named("Service", "fountain-act-svc").deepCopy();
		unknown.put("kind", "Servise");
		assertThat(schemas.problems(unknown)).containsExactly("no schema for v1/Servise");
	}

}
