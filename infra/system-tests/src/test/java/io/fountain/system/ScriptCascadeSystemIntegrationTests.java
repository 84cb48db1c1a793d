package io.fountain.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fountain.eventing.serde.ConfluentAvroDeserializer;
import io.fountain.events.Topic;
import io.fountain.events.act.v1.ActDeleted;
import io.fountain.events.act.v1.ActEvent;
import io.fountain.events.act.v1.DeletionCause;
import io.fountain.local.LocalStack;
import io.fountain.testing.Http;

/**
 * The foundation's promise, tried as a new user would: create a script and three acts
 * through the edge, delete the script, and watch the acts disappear by choreography; then
 * read the act-deleted events as a downstream consumer.
 */
class ScriptCascadeSystemIntegrationTests {

	private static LocalStack stack;

	private static Http edge;

	@BeforeAll
	static void startTheSystem() {
		stack = SystemUnderTest.stack();
		edge = new Http(stack.edgeUrl(), Map.of("Authorization", "Bearer " + stack.token("ada")));
	}

	@Test
	void deletingAScriptThroughTheEdgeDeletesItsActsByChoreography() {
		Http.Response script = edge.post("/scripts", "{\"title\": \"Big Fish\"}");
		assertThat(script.status()).as(script.toString()).isEqualTo(201);
		assertThat(script.location()).startsWith("/scripts/");
		String scriptId = script.json().get("id").asString();

		List<String> acts = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			Http.Response act = edge.post("/scripts/" + scriptId + "/acts", "{\"title\": \"Act " + i + "\"}");
			assertThat(act.status()).as(act.toString()).isEqualTo(201);
			acts.add(act.json().get("id").asString());
		}
		assertThat(edge.get("/scripts/" + scriptId + "/acts").json().get("items").findValuesAsString("title"))
			.containsExactly("Act 1", "Act 2", "Act 3");

		String traceId = randomHex(32);
		Http.Response deleted = edge.withHeaders(Map.of("traceparent", "00-" + traceId + "-" + randomHex(16) + "-01"))
			.delete("/scripts/" + scriptId);
		assertThat(deleted.status()).isEqualTo(202);

		await().atMost(Duration.ofSeconds(5))
			.until(() -> acts.stream().allMatch(act -> edge.get("/acts/" + act).status() == 404));
		Http.Response list = edge.get("/scripts/" + scriptId + "/acts");
		assertThat(list.status() == 404 || list.json().get("items").isEmpty()).as(list.toString()).isTrue();

		List<ConsumerRecord<String, SpecificRecord>> deletions = readActDeletions(scriptId, 3);
		assertThat(deletions).allSatisfy(record -> {
			assertThat(record.key()).isEqualTo(scriptId);
			ActEvent event = (ActEvent) record.value();
			assertThat(((ActDeleted) event.getPayload()).getCause()).isEqualTo(DeletionCause.CASCADE);
			assertThat(event.getCausationId()).isNotNull();
			// One trace from the client's request, through script-svc and the script
			// topic, to these events.
			assertThat(header(record, "traceparent")).contains(traceId);
		});
		assertThat(deletions).extracting(r -> ((ActEvent) r.value()).getActId().toString())
			.containsExactlyInAnyOrderElementsOf(acts);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> Files.readString(SystemUnderTest.logs().resolve("act-svc.log"), StandardCharsets.UTF_8)
				.contains(traceId));
	}

	@Test
	void badInputIsA4xxProblemNamingTheFieldAndNeverA500() {
		assertNamesField(edge.post("/scripts", "{}"), "title");
		assertNamesField(edge.post("/scripts", "{\"title\": 12}"), "title");
		assertNamesField(edge.post("/scripts", "{\"title\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}"), "title");

		Http.Response orphan = edge.post("/scripts/" + UUID.randomUUID() + "/acts", "{\"title\": \"Orphan\"}");
		assertThat(orphan.status()).isEqualTo(404);
		assertThat(orphan.contentType()).startsWith("application/problem+json");

		Http.Response nowhere = edge.get("/no/such/route");
		assertThat(nowhere.status()).isEqualTo(404);
		assertThat(nowhere.contentType()).startsWith("application/problem+json");
	}

	@Test
	void theEdgeReportsItsServicesHealthAndDocumentsTheirRoutes() {
		Http.Response anonymous = new Http(stack.edgeUrl(), Map.of()).get("/actuator/health");
		assertThat(anonymous.status()).isEqualTo(200);
		assertThat(anonymous.json().get("status").asString()).isEqualTo("UP");
		assertThat(anonymous.json().has("components")).as("the services' addresses are for operators").isFalse();
		Http.Response health = new Http(stack.edgeUrl(),
				Map.of("Authorization", "Bearer " + stack.token("olga", "operator")))
			.get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().at("/components/downstream/components/script-svc/status").asString()).isEqualTo("UP");
		assertThat(health.json().at("/components/downstream/components/act-svc/status").asString()).isEqualTo("UP");

		Http.Response docs = edge.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").propertyNames()).contains("/scripts", "/scripts/{id}",
				"/scripts/{scriptId}/acts", "/acts/{id}");
	}

	private static void assertNamesField(Http.Response response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
	}

	/**
	 * A plain Kafka consumer with the registry-aware deserializer, as a downstream team
	 * would write it.
	 */
	private static List<ConsumerRecord<String, SpecificRecord>> readActDeletions(String scriptId, int expected) {
		try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "downstream-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", "schema.registry.url",
						stack.registryUrl()),
				new StringDeserializer(), configured(new ConfluentAvroDeserializer(), stack.registryUrl()))) {
			consumer.subscribe(List.of(Topic.ACT.topicName()));
			List<ConsumerRecord<String, SpecificRecord>> deletions = new ArrayList<>();
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(record -> {
					if (record.key().equals(scriptId)
							&& ((ActEvent) record.value()).getPayload() instanceof ActDeleted) {
						deletions.add(record);
					}
				});
				return deletions.size() >= expected;
			});
			return deletions;
		}
	}

	private static ConfluentAvroDeserializer configured(ConfluentAvroDeserializer deserializer, String registryUrl) {
		deserializer.configure(Map.of("schema.registry.url", registryUrl), false);
		return deserializer;
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private static String randomHex(int length) {
		return UUID.randomUUID().toString().replace("-", "").repeat(2).substring(0, length);
	}

}
