package io.fountain.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Helm chart, linted and rendered by Helm itself with its three value sets
 * (deploy/helm/values): all operators (Strimzi, CloudNativePG, Apicurio Registry run by
 * the chart), all external, and a small local cluster; and what a reviewer would check by
 * reading the rendering: each application's probes, resources, database, identity and
 * secrets, the topics and ACLs, the switches between operators and external systems.
 */
class ChartTests {

	static final List<String> APPLICATIONS = List.of("act-svc", "character-svc", "dialogue-svc", "edge-api",
			"scene-svc", "script-svc", "transition-svc");

	static final String F = RenderedChart.RELEASE;

	@ParameterizedTest
	@ValueSource(strings = { "operators", "external", "local" })
	void theChartLintsStrictlyWithEachValueSet(String valueSet) throws IOException {
		// Helm's lint takes the chart's own values.yaml: lint a copy whose values.yaml is
		// the chart's with the set's.
		Path copy = Repository.target().resolve("lint").resolve(valueSet).resolve("fountain");
		delete(copy);
		copyTree(Repository.chart(), copy);
		ObjectNode values = (ObjectNode) RenderedChart.YAML
			.readTree(Repository.chart().resolve("values.yaml").toFile());
		merge(values, RenderedChart.YAML.readTree(Repository.valueSet(valueSet).toFile()));
		Files.writeString(copy.resolve("values.yaml"), RenderedChart.YAML.writeValueAsString(values),
				StandardCharsets.UTF_8);

		LintResult lint = new Helm(copy).lint().strict().call();

		assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
		assertThat(lint.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
	}

	@Test
	void allOperatorsRendersTheApplicationsKafkaTopicsUsersDatabasesBackupsAndTheRegistry() {
		RenderedChart chart = RenderedChart.of("operators");
		assertThat(chart.kinds()).isEqualTo(new TreeMap<>(Map.ofEntries(Map.entry("ConfigMap", 8L),
				Map.entry("Deployment", 8L), Map.entry("Service", 8L), Map.entry("PodDisruptionBudget", 8L),
				Map.entry("HorizontalPodAutoscaler", 1L), Map.entry("ServiceAccount", 8L), Map.entry("Kafka", 1L),
				Map.entry("KafkaNodePool", 1L), Map.entry("KafkaTopic", 17L), Map.entry("KafkaUser", 7L),
				Map.entry("Cluster", 8L), Map.entry("ScheduledBackup", 8L))));
		assertThat(chart.objects()).hasSize(83);
		assertThat(names(chart, "Deployment")).containsExactlyInAnyOrderElementsOf(
				Stream.concat(APPLICATIONS.stream(), Stream.of("registry")).map(a -> F + "-" + a).toList());
		assertThat(chart.named("HorizontalPodAutoscaler", F + "-edge-api").at("/spec/maxReplicas").asInt())
			.isEqualTo(8);
		assertThat(chart.named("Deployment", F + "-edge-api").at("/spec/replicas").isMissingNode())
			.as("an autoscaled Deployment leaves its replicas to the autoscaler")
			.isTrue();
		assertThat(chart.named("Deployment", F + "-act-svc").at("/spec/replicas").asInt()).isEqualTo(2);
		// Every database is backed up every night, to where its Cluster archives its WAL.
		for (JsonNode backup : chart.ofKind("ScheduledBackup")) {
			JsonNode cluster = chart.named("Cluster", backup.at("/spec/cluster/name").asString());
			assertThat(cluster.at("/spec/plugins/0/name").asString())
				.isEqualTo(backup.at("/spec/pluginConfiguration/name").asString())
				.isEqualTo("barman-cloud.cloudnative-pg.io");
			assertThat(cluster.at("/spec/plugins/0/isWALArchiver").asBoolean()).isTrue();
		}
		assertThat(chart.ofKind("ScheduledBackup")).extracting(b -> b.at("/spec/cluster/name").asString())
			.containsExactlyInAnyOrderElementsOf(names(chart, "Cluster"));
	}

	@Test
	void allExternalRendersOnlyTheApplications() {
		RenderedChart chart = RenderedChart.of("external");
		assertThat(chart.kinds()).isEqualTo(new TreeMap<>(Map.of("ConfigMap", 7L, "Deployment", 7L, "Service", 7L,
				"PodDisruptionBudget", 7L, "HorizontalPodAutoscaler", 7L, "ServiceAccount", 7L)));
		assertThat(chart.objects()).hasSize(42);
		for (String application : APPLICATIONS) {
			JsonNode config = chart.named("ConfigMap", F + "-" + application).path("data");
			assertThat(config.path("SPRING_KAFKA_BOOTSTRAPSERVERS").asString())
				.startsWith("kafka-0.kafka.example.com:9093,");
			assertThat(config.path("SPRING_KAFKA_SECURITY_PROTOCOL").asString()).isEqualTo("SASL_SSL");
			assertThat(secretRef(chart, application, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
				.isEqualTo("fountain-kafka-" + application + "/sasl.jaas.config");
			if (!application.equals("edge-api")) {
				assertThat(config.path("FOUNTAIN_EVENTING_REGISTRYURL").asString())
					.isEqualTo("https://schema-registry.example.com");
				assertThat(config.path("FOUNTAIN_EVENTING_PARTITIONS").asString()).isEqualTo("12");
			}
		}
		assertThat(secretRef(chart, "edge-api", "SPRING_DATASOURCE_URL")).isEqualTo("fountain-edge-db/jdbc-uri");
		assertThat(secretRef(chart, "act-svc", "SPRING_DATASOURCE_URL")).isEqualTo("fountain-act-svc-db/jdbc-uri");
		assertThat(secretRef(chart, "act-svc", "FOUNTAIN_CALLERS_SECRET")).isEqualTo("fountain-callers/secret");
	}

	@Test
	void theLocalSetRendersOneOfEverythingAndItsOwnSecrets() {
		RenderedChart chart = RenderedChart.of("local");
		assertThat(chart.kinds())
			.isEqualTo(new TreeMap<>(Map.ofEntries(Map.entry("ConfigMap", 8L), Map.entry("Deployment", 8L),
					Map.entry("Service", 8L), Map.entry("PodDisruptionBudget", 8L), Map.entry("ServiceAccount", 8L),
					Map.entry("Secret", 2L), Map.entry("Kafka", 1L), Map.entry("KafkaNodePool", 1L),
					Map.entry("KafkaTopic", 17L), Map.entry("KafkaUser", 7L), Map.entry("Cluster", 8L))));
		assertThat(chart.objects()).hasSize(76);
		assertThat(chart.ofKind("Deployment")).allSatisfy(d -> assertThat(d.at("/spec/replicas").asInt()).isEqualTo(1));
		assertThat(chart.named("KafkaNodePool", F + "-kafka-nodes").at("/spec/storage/volumes/0/type").asString())
			.isEqualTo("ephemeral");
		assertThat(chart.ofKind("KafkaTopic")).allSatisfy(t -> assertThat(t.at("/spec/replicas").asInt()).isEqualTo(1));
		assertThat(names(chart, "Secret")).containsExactlyInAnyOrder(F + "-callers", F + "-edge-auth");
		assertThat(secretRef(chart, "edge-api", "FOUNTAIN_EDGE_AUTH_HMACSECRET"))
			.isEqualTo(F + "-edge-auth/hmac-secret");
	}

	@ParameterizedTest
	@ValueSource(strings = { "operators", "external", "local" })
	void everyApplicationHasProbesResourcesAndRunsAsNobodyInParticular(String valueSet) {
		RenderedChart chart = RenderedChart.of(valueSet);
		for (String application : APPLICATIONS) {
			JsonNode pod = chart.named("Deployment", F + "-" + application).at("/spec/template/spec");
			JsonNode container = pod.path("containers").get(0);
			assertThat(container.path("image").asString())
				.endsWith("/" + application + ":" + (valueSet.equals("external") ? "0.1.0" : "0.1.0-SNAPSHOT"));
			assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
			assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/readiness");
			assertThat(container.at("/startupProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
			assertThat(container.at("/livenessProbe/httpGet/port").asString()).isEqualTo("http");
			assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
			assertThat(container.at("/resources/requests/cpu").asString()).isNotEmpty();
			assertThat(container.at("/resources/requests/memory").asString()).isNotEmpty();
			assertThat(container.at("/resources/limits/memory").asString()).isNotEmpty();
			assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
			assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(10001);
			assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
			assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
			assertThat(container.at("/securityContext/capabilities/drop/0").asString()).isEqualTo("ALL");
			assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
			// An identity of its own (what a mesh's policies name), which exists.
			assertThat(pod.path("serviceAccountName").asString()).isEqualTo(F + "-" + application);
			chart.named("ServiceAccount", F + "-" + application);
			JsonNode service = chart.named("Service", F + "-" + application);
			assertThat(service.at("/spec/selector"))
				.isEqualTo(chart.named("Deployment", F + "-" + application).at("/spec/selector/matchLabels"));
			assertThat(chart.named("PodDisruptionBudget", F + "-" + application).at("/spec/selector/matchLabels"))
				.isEqualTo(service.at("/spec/selector"));
		}
		// Every pod the chart runs, the registry's too, runs as a user other than root.
		assertThat(chart.ofKind("Deployment")).allSatisfy(d -> {
			assertThat(d.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
			assertThat(d.at("/spec/template/spec/securityContext/runAsUser").asInt()).isPositive();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "operators", "local" })
	void everyApplicationHasADatabaseOfItsOwnFromItsClustersAppSecret(String valueSet) {
		RenderedChart chart = RenderedChart.of(valueSet);
		Set<String> secrets = new HashSet<>();
		for (String application : APPLICATIONS) {
			String cluster = F + "-" + application + "-db";
			JsonNode database = chart.named("Cluster", cluster);
			String name = application.replace('-', '_');
			assertThat(database.at("/spec/bootstrap/initdb/database").asString()).isEqualTo(name);
			assertThat(database.at("/spec/bootstrap/initdb/owner").asString()).isEqualTo(name);
			assertThat(secretRef(chart, application, "SPRING_DATASOURCE_URL")).isEqualTo(cluster + "-app/jdbc-uri");
			assertThat(secretRef(chart, application, "SPRING_DATASOURCE_USERNAME"))
				.isEqualTo(cluster + "-app/username");
			assertThat(secretRef(chart, application, "SPRING_DATASOURCE_PASSWORD"))
				.isEqualTo(cluster + "-app/password");
			secrets.add(cluster + "-app");
		}
		assertThat(secrets).hasSize(APPLICATIONS.size());
		assertThat(chart.named("Cluster", F + "-registry-db").at("/spec/bootstrap/initdb/database").asString())
			.isEqualTo("registry");
	}

	@ParameterizedTest
	@ValueSource(strings = { "operators", "local" })
	void theTopicsAndTheUsersAclsAreTheGeneratedOnes(String valueSet) {
		RenderedChart chart = RenderedChart.of(valueSet);
		KafkaAccess access = KafkaAccess.of(Application.in(Repository.root()));
		assertThat(names(chart, "KafkaTopic"))
			.containsExactlyElementsOf(access.topics().stream().map(KafkaAccess.TopicSpec::name).toList());
		for (JsonNode topic : chart.ofKind("KafkaTopic")) {
			assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asString()).isEqualTo(F + "-kafka");
			assertThat(topic.at("/spec/topicName").asString()).isEqualTo(topic.at("/metadata/name").asString());
			if (topic.at("/spec/topicName").asString().equals(KafkaAccess.OPS_DEAD_LETTER_ACTIONS)) {
				assertThat(topic.at("/spec/config/cleanup.policy").asString()).isEqualTo("compact");
				assertThat(topic.at("/spec/partitions").asInt()).isEqualTo(1);
			}
			else {
				assertThat(topic.at("/spec/config/retention.ms").asLong()).isEqualTo(604_800_000L);
				assertThat(topic.at("/spec/config/segment.ms").asLong()).isEqualTo(86_400_000L);
				assertThat(topic.at("/spec/partitions").asInt()).isEqualTo(valueSet.equals("local") ? 3 : 6);
			}
		}
		assertThat(names(chart, "KafkaUser"))
			.containsExactlyInAnyOrderElementsOf(APPLICATIONS.stream().map(a -> F + "-" + a).toList());
		for (KafkaAccess.User user : access.users()) {
			JsonNode kafkaUser = chart.named("KafkaUser", F + "-" + user.application());
			assertThat(kafkaUser.at("/spec/authentication/type").asString()).isEqualTo("scram-sha-512");
			List<String> rendered = new ArrayList<>();
			kafkaUser.at("/spec/authorization/acls").forEach(acl -> {
				assertThat(acl.at("/resource/patternType").asString()).isEqualTo("literal");
				List<String> operations = new ArrayList<>();
				acl.path("operations").forEach(o -> operations.add(o.asString()));
				rendered.add(acl.at("/resource/type").asString() + " " + acl.at("/resource/name").asString() + " "
						+ operations);
			});
			assertThat(rendered).containsExactlyElementsOf(user.acls()
				.stream()
				.map(acl -> acl.type() + " " + acl.name() + " " + List.copyOf(acl.operations()))
				.toList());
			// The application reads its password from the Secret the user operator makes
			// for this user.
			assertThat(secretRef(chart, user.application(), "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
				.isEqualTo(F + "-" + user.application() + "/sasl.jaas.config");
		}
		JsonNode kafka = chart.named("Kafka", F + "-kafka");
		assertThat(kafka.at("/spec/kafka/listeners/0/authentication/type").asString()).isEqualTo("scram-sha-512");
		assertThat(kafka.at("/spec/kafka/authorization/type").asString()).isEqualTo("simple");
		assertThat(kafka.at("/spec/kafka/version").asString()).isEqualTo("4.2.1");
		assertThat(chart.named("KafkaNodePool", F + "-kafka-nodes").at("/spec/roles").toString())
			.isEqualTo("[\"controller\",\"broker\"]");
	}

	@Test
	void theServicesFindEachOtherTheBrokerAndTheRegistryTheWayTheirApplicationYmlSays() {
		RenderedChart chart = RenderedChart.of("operators");
		for (Application application : Application.in(Repository.root())) {
			JsonNode config = chart.named("ConfigMap", F + "-" + application.name()).path("data");
			assertThat(config.path("SPRING_KAFKA_BOOTSTRAPSERVERS").asString())
				.isEqualTo(F + "-kafka-kafka-bootstrap:9093");
			assertThat(config.path("SPRING_KAFKA_SSL_TRUSTSTORELOCATION").asString())
				.isEqualTo("file:/etc/fountain/kafka-ca/ca.crt");
			JsonNode pod = chart.named("Deployment", F + "-" + application.name()).at("/spec/template/spec");
			assertThat(pod.at("/volumes").toString()).contains(F + "-kafka-cluster-ca-cert");
			if (!application.eventing()) {
				continue;
			}
			assertThat(config.path("FOUNTAIN_EVENTING_REGISTRYURL").asString())
				.isEqualTo("http://" + F + "-registry:8080/apis/ccompat/v7");
			assertThat(config.path("FOUNTAIN_ACCESS_URL").asString()).isEqualTo("http://" + F + "-script-svc:8080");
			assertThat(config.path("FOUNTAIN_IMPORTS_URL").asString()).isEqualTo("http://" + F + "-script-svc:8080");
			// fountain.parents.sources.<kind>.owner in the service's application.yml
			// names the owner of each parent.
			Map<String, String> owners = parentOwners(application);
			Map<String, String> rendered = new TreeMap<>();
			config.properties().forEach(e -> {
				if (e.getKey().startsWith("FOUNTAIN_PARENTS_SOURCES_")) {
					rendered.put(e.getKey(), e.getValue().asString());
				}
			});
			Map<String, String> expected = new TreeMap<>();
			owners.forEach(
					(kind, owner) -> expected.put("FOUNTAIN_PARENTS_SOURCES_" + kind.toUpperCase(Locale.ROOT) + "_URL",
							"http://" + F + "-" + owner + ":8080"));
			assertThat(rendered).as(application.name()).isEqualTo(expected);
		}
		JsonNode edge = chart.named("ConfigMap", F + "-edge-api").path("data");
		for (String service : List.of("script", "act", "scene", "character", "dialogue", "transition")) {
			assertThat(edge.path("FOUNTAIN_EDGE_SERVICES_" + service.toUpperCase(Locale.ROOT)).asString())
				.isEqualTo("http://" + F + "-" + service + "-svc:8080");
		}
		assertThat(edge.path("FOUNTAIN_EDGE_AUTH_JWKSURI").asString()).startsWith("https://");
	}

	@ParameterizedTest
	@ValueSource(strings = { "operators", "external", "local" })
	void noSecretIsInAConfigMapEverySecretComesFromASecret(String valueSet) {
		RenderedChart chart = RenderedChart.of(valueSet);
		List<String> secretValues = new ArrayList<>();
		chart.ofKind("Secret")
			.forEach(secret -> secret.path("data")
				.forEach(value -> secretValues
					.add(new String(Base64.getDecoder().decode(value.asString()), StandardCharsets.UTF_8))));
		assertThat(secretValues).hasSize(valueSet.equals("local") ? 2 : 0).allSatisfy(v -> assertThat(v).hasSize(48));
		for (JsonNode config : chart.ofKind("ConfigMap")) {
			config.path("data").properties().forEach(entry -> {
				assertThat(entry.getKey()).doesNotContainPattern("(?i)secret|password|jaas|credential|token");
				assertThat(entry.getValue().asString()).doesNotContainPattern("(?i)password=|secret=");
				secretValues.forEach(secret -> assertThat(entry.getValue().asString()).doesNotContain(secret));
			});
		}
		int fromSecrets = 0;
		for (JsonNode deployment : chart.ofKind("Deployment")) {
			for (JsonNode env : deployment.at("/spec/template/spec/containers/0/env")) {
				String name = env.path("name").asString();
				if (name.matches(".*(SECRET|PASSWORD|USERNAME|JAAS_CONFIG|DATASOURCE_URL)$")) {
					assertThat(env.has("value")).as(name + " has a literal value").isFalse();
					assertThat(env.at("/valueFrom/secretKeyRef/name").asString()).as(name).isNotEmpty();
					fromSecrets++;
				}
			}
		}
		// Per application: 3 datasource variables and the callers' secret; the JAAS
		// configuration with SASL; the
		// edge's HMAC key when it checks HS256 tokens; the registry's 3 datasource
		// variables when the chart runs it.
		int expected = switch (valueSet) {
			case "operators" -> 7 * 5 + 3;
			case "external" -> 7 * 5;
			default -> 7 * 5 + 1 + 3;
		};
		assertThat(fromSecrets).isEqualTo(expected);
	}

	@Test
	void valuesThatAreNotTheChartsAreRefused() {
		assertThatThrownBy(() -> RenderedChart.render("local", Map.of("kafka.mdoe", "external")))
			.hasMessageContaining("mdoe");
		assertThatThrownBy(() -> RenderedChart.render("local", Map.of("kafka.mode", "kraft")))
			.hasMessageContaining("/kafka/mode");
		assertThatThrownBy(() -> RenderedChart.render("local", Map.of("edge.auth.hmac", "false")))
			.hasMessageContaining("edge.auth");
		// A scheduled backup with nowhere to go.
		assertThatThrownBy(
				() -> RenderedChart.render("local", Map.of("postgresql.cloudnativepg.scheduledBackup.enabled", "true")))
			.hasMessageContaining("postgresql.cloudnativepg.spec.plugins");
	}

	private static List<String> names(RenderedChart chart, String kind) {
		return chart.ofKind(kind).stream().map(o -> o.at("/metadata/name").asString()).toList();
	}

	/** "secret/key" of an environment variable of an application's container. */
	static String secretRef(RenderedChart chart, String application, String variable) {
		for (JsonNode env : chart.named("Deployment", F + "-" + application)
			.at("/spec/template/spec/containers/0/env")) {
			if (env.path("name").asString().equals(variable)) {
				JsonNode ref = env.at("/valueFrom/secretKeyRef");
				return ref.path("name").asString() + "/" + ref.path("key").asString();
			}
		}
		throw new AssertionError(application + " has no environment variable " + variable);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> parentOwners(Application application) {
		Path yml = Repository.root().resolve(application.module()).resolve("src/main/resources/application.yml");
		Map<String, Object> root = new Yaml().load(RenderedChart.read(yml));
		Map<String, String> owners = new LinkedHashMap<>();
		Object fountain = root.get("fountain");
		Object parents = fountain instanceof Map<?, ?> f ? f.get("parents") : null;
		Object sources = parents instanceof Map<?, ?> p ? p.get("sources") : null;
		if (sources instanceof Map<?, ?> s) {
			((Map<String, Map<String, Object>>) s)
				.forEach((kind, source) -> owners.put(kind, String.valueOf(source.get("owner"))));
		}
		return owners;
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
	}

	private static void delete(Path directory) throws IOException {
		if (Files.exists(directory)) {
			try (Stream<Path> files = Files.walk(directory)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
		}
	}

	private static void merge(ObjectNode into, JsonNode from) {
		from.properties().forEach(entry -> {
			JsonNode existing = into.get(entry.getKey());
			if (existing instanceof ObjectNode object && entry.getValue().isObject()) {
				merge(object, entry.getValue());
			}
			else {
				into.set(entry.getKey(), entry.getValue());
			}
		});
	}

}
