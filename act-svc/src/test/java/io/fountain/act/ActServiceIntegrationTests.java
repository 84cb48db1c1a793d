package io.fountain.act;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.fountain.eventing.test.ChildKindContract;
import io.fountain.eventing.test.ParentOwnerStandIn;
import io.fountain.eventing.test.ServiceTestBed;
import io.fountain.eventing.test.UpstreamEvents;
import io.fountain.events.Topic;
import io.fountain.events.act.v1.ActCreated;
import io.fountain.events.act.v1.ActDeleted;
import io.fountain.events.act.v1.ActEvent;
import io.fountain.events.act.v1.DeletionCause;
import io.fountain.parents.ParentKind;
import io.fountain.parents.Reconciler;
import io.fountain.testing.EntityTags;
import io.fountain.testing.Http;
import io.fountain.testing.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

class ActServiceIntegrationTests extends ChildKindContract {

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		environment(registry, "act", "script");
	}

	@Autowired
	Reconciler reconciler;

	@Autowired
	MeterRegistry meters;

	@Override
	protected Http.Response createChild(UUID scriptId, Map<ParentKind, UUID> parents) {
		return http.post("/scripts/" + parents.get(ParentKind.SCRIPT) + "/acts", "{}");
	}

	@Override
	protected Topic childTopic() {
		return Topic.ACT;
	}

	@Test
	void actsOfAScriptAreListedInOrderAndInsertingOneMovesTheRestDown() {
		UUID script = knownScript();
		UUID one = createAct(script, "{\"title\": \"One\"}");
		UUID two = createAct(script, "{\"title\": \"Two\"}");
		UUID zero = createAct(script, "{\"title\": \"Prologue\", \"ordinal\": 1}");

		assertThat(titles(script)).containsExactly("Prologue", "One", "Two");
		assertThat(http.patch("/acts/" + two, "{\"ordinal\": 1}").status()).isEqualTo(200);
		assertThat(titles(script)).containsExactly("Two", "Prologue", "One");
		assertThat(http.delete("/acts/" + zero).status()).isEqualTo(204);
		assertThat(titles(script)).containsExactly("Two", "One");
		assertThat(http.get("/acts/" + one).json().get("ordinal").asInt()).isEqualTo(2);
		assertThat(http.patch("/acts/" + one, "{\"title\": null}").json().get("title").isNull()).isTrue();
	}

	@Test
	void anActsETagIsItsVersionAndAChangeOnAStaleVersionIsA412ThatChangesNothing() {
		UUID script = knownScript();
		Http.Response created = http.post("/scripts/" + script + "/acts", "{\"title\": \"One\"}");
		UUID act = UUID.fromString(created.json().get("id").asString());
		Http.Response changed = EntityTags.changeOnlyOnTheVersionRead(http, created, "/acts/" + act,
				"{\"title\": \"Two\"}", "{\"title\": \"Three\"}");
		String second = changed.header("ETag");

		// Moved down by an act inserted before it: another version.
		assertThat(http.post("/scripts/" + script + "/acts", "{\"ordinal\": 1}").status()).isEqualTo(201);
		String moved = http.get("/acts/" + act).header("ETag");
		assertThat(moved).isNotEqualTo(second);

		EntityTags.deleteOnlyOnTheVersionRead(http, "/acts/" + act, second, moved);
	}

	@Test
	void aScriptJustCreatedTakesActsBeforeItsEventArrives() {
		UUID script = UUID.randomUUID();
		ParentOwnerStandIn.exists("scripts", script, script); // script-svc knows it; its
																// event is still in
																// flight

		Http.Response created = http.post("/scripts/" + script + "/acts", "{\"title\": \"At once\"}");

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	@Test
	void anActUnderAnUnknownOrDeletedScriptIsRefusedWithA404Problem() {
		Http.Response unknown = http.post("/scripts/" + UUID.randomUUID() + "/acts", "{}");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");

		UUID script = knownScript();
		bed.send(Topic.SCRIPT, UpstreamEvents.scriptDeleted(script));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> http.post("/scripts/" + script + "/acts", "{}").status() == 404);
		assertThat(http.get("/scripts/" + script + "/acts").status()).isEqualTo(404);
	}

	@Test
	void deletingAScriptDeletesItsActsEachAnnouncedOnceEvenWhenTheEventComesTwice() {
		UUID script = knownScript();
		List<UUID> acts = List.of(createAct(script, "{}"), createAct(script, "{}"), createAct(script, "{}"));
		var deleted = UpstreamEvents.scriptDeleted(script);

		bed.send(Topic.SCRIPT, deleted);
		bed.send(Topic.SCRIPT, deleted);
		bed.send(Topic.SCRIPT, UpstreamEvents.scriptCreated(script)); // a late or
																		// replayed
																		// creation
																		// resurrects
																		// nothing

		await().atMost(Duration.ofSeconds(20))
			.until(() -> acts.stream().allMatch(act -> http.get("/acts/" + act).status() == 404));
		try (TopicReader reader = new TopicReader(Topic.ACT.topicName())) {
			await().atMost(Duration.ofSeconds(20)).until(() -> deletions(reader, script).size() == 3);
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(5))
				.until(() -> deletions(reader, script).size() == 3);
			assertThat(deletions(reader, script)).extracting(ActEvent::getActId)
				.containsExactlyInAnyOrderElementsOf(acts);
			assertThat(deletions(reader, script))
				.allSatisfy(e -> assertThat(((ActDeleted) e.getPayload()).getCause()).isEqualTo(DeletionCause.CASCADE));
			assertThat(reader.keyed(script)).extracting(r -> decode(r).getPayload())
				.filteredOn(ActCreated.class::isInstance)
				.hasSize(3);
		}
		assertThat(http.post("/scripts/" + script + "/acts", "{}").status()).isEqualTo(404);
	}

	@Test
	void badInputIsA400NamingTheField() {
		UUID script = knownScript();
		Http.Response wrongType = http.post("/scripts/" + script + "/acts", "{\"ordinal\": \"first\"}");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.json().get("errors").findValuesAsString("field")).contains("ordinal");
		Http.Response tooLong = http.post("/scripts/" + script + "/acts", "{\"title\": \"" + "x".repeat(301) + "\"}");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().get("errors").findValuesAsString("field")).contains("title");
		assertThat(http.get("/acts/" + UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(actRows(script)).isZero();
	}

	@Test
	void aScriptsActsArePagedTwentyByDefaultAndBadPagingIsA400NamingTheParameter() {
		UUID script = knownScript();
		for (int i = 1; i <= 23; i++) {
			createAct(script, "{\"title\": \"Act " + i + "\"}");
		}

		Http.Response first = http.get("/scripts/" + script + "/acts");
		assertThat(first.json().get("items")).hasSize(20);
		assertThat(first.json().get("page").asInt()).isZero();
		assertThat(first.json().get("size").asInt()).isEqualTo(20);
		assertThat(first.json().get("total").asLong()).isEqualTo(23);
		assertThat(titles(script, "?page=1")).containsExactly("Act 21", "Act 22", "Act 23");
		assertThat(titles(script, "?page=2&size=5")).containsExactly("Act 11", "Act 12", "Act 13", "Act 14", "Act 15");
		assertThat(titles(script, "?page=9")).isEmpty();
		assertThat(titles(script, "?size=100")).hasSize(23);

		assertRefused(http.get("/scripts/" + script + "/acts?size=0"), "size");
		assertRefused(http.get("/scripts/" + script + "/acts?size=100000"), "size");
		assertRefused(http.get("/scripts/" + script + "/acts?size=abc"), "size");
		assertRefused(http.get("/scripts/" + script + "/acts?page=-1"), "page");
	}

	@Test
	void aMergePatchKeepsWhatItLeavesOutClearsTheTitleWithNullAndRefusesToClearTheOrdinal() {
		UUID script = knownScript();
		UUID one = createAct(script, "{\"title\": \"One\"}");
		createAct(script, "{\"title\": \"Two\"}");

		Http.Response moved = http.send("PATCH", "/acts/" + one, "{\"ordinal\": 2}", "application/merge-patch+json");
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(moved.json().get("title").asString()).as("absent: left as it is").isEqualTo("One");
		Http.Response cleared = http.patch("/acts/" + one, "{\"title\": null}");
		assertThat(cleared.json().get("title").isNull()).isTrue();
		assertThat(cleared.json().get("ordinal").asInt()).isEqualTo(2);

		Http.Response refused = http.patch("/acts/" + one, "{\"title\": \"Kept?\", \"ordinal\": null}");
		assertRefused(refused, "ordinal");
		Http.Response after = http.get("/acts/" + one);
		assertThat(after.json().get("ordinal").asInt()).as("nothing changed").isEqualTo(2);
		assertThat(after.json().get("title").isNull()).as("nothing changed").isTrue();
	}

	@Test
	void aTitleFountainCannotWriteOnOneLineIsA400NamingIt() {
		UUID script = knownScript();
		assertRefused(http.post("/scripts/" + script + "/acts", "{\"title\": \"One\\nTwo\"}"), "title");
		UUID act = createAct(script, "{\"title\": \"One\"}");
		assertRefused(http.patch("/acts/" + act, "{\"title\": \"One\\n\\nINT. HOUSE\"}"), "title");
		assertRefused(http.patch("/acts/" + act, "{\"title\": \" One\"}"), "title");
		assertThat(http.get("/acts/" + act).json().get("title").asString()).isEqualTo("One");
		assertThat(actRows(script)).isEqualTo(1);
	}

	@Test
	void theApiDocumentsThePagingParametersAndWhichPatchFieldsMayBeCleared() {
		JsonNode docs = http.get("/v3/api-docs").json();

		JsonNode list = docs.at("/paths/~1scripts~1{scriptId}~1acts/get");
		assertThat(list.get("parameters").findValuesAsString("name")).as(list.toString()).contains("page", "size");
		assertThat(list.get("parameters").findValue("maximum").asInt()).as(list.toString()).isPositive();
		JsonNode patch = docs.at("/paths/~1acts~1{id}/patch/requestBody/content");
		assertThat(patch.has("application/merge-patch+json")).as(patch.toString()).isTrue();
		JsonNode changes = docs.at("/components/schemas/ActChanges/properties");
		assertThat(nullable(changes.get("title"))).as(changes.toString()).isTrue();
		assertThat(nullable(changes.get("ordinal"))).as(changes.toString()).isFalse();
		assertThat(docs.at("/components/schemas/ActChanges/required").isMissingNode())
			.as("an absent field of a merge patch stays: none is required")
			.isTrue();

		JsonNode read = docs.at("/paths/~1acts~1{id}/get");
		assertThat(read.get("parameters").findValuesAsString("name")).contains("If-None-Match");
		assertThat(read.at("/responses/200/headers").has("ETag")).as(read.toString()).isTrue();
		assertThat(docs.at("/paths/~1acts~1{id}/patch/parameters").findValuesAsString("name")).contains("If-Match");
		assertThat(docs.at("/paths/~1acts~1{id}/delete/parameters").findValuesAsString("name")).contains("If-Match");
	}

	/** Whether an OpenAPI schema (3.0 or 3.1) lets the value be {@code null}. */
	private static boolean nullable(JsonNode schema) {
		return schema.path("nullable").asBoolean(false) || schema.path("type").toString().contains("null");
	}

	@Test
	void reconciliationDeletesTheActsOfAScriptWhoseDeletionEventWasLostAndCountsIt() {
		UUID script = knownScript();
		createAct(script, "{}");
		createAct(script, "{}");
		// As if the deletion had been recorded but its cascade lost (say, a restore from
		// an old backup).
		jdbc.update("UPDATE known_parent SET deleted = true WHERE kind = 'script' AND id = ?", script);

		assertThat(reconciler.reconcileOnce()).isEqualTo(1);

		assertThat(actRows(script)).isZero();
		assertThat(meters.get("fountain.reconciliation.fixed").tag("parent", "script").counter().count()).isEqualTo(1);
		assertThat(jdbc.queryForList("SELECT parent_kind, child_table FROM reconciliation_fix WHERE parent_id = ?",
				script))
			.as("the fix is on record, so it outlives a restart that resets the counter")
			.containsExactly(Map.of("parent_kind", "script", "child_table", "act"));
		try (TopicReader reader = new TopicReader(Topic.ACT.topicName())) {
			await().atMost(Duration.ofSeconds(20)).until(() -> deletions(reader, script).size() == 2);
			assertThat(deletions(reader, script)).allSatisfy(
					e -> assertThat(((ActDeleted) e.getPayload()).getCause()).isEqualTo(DeletionCause.RECONCILIATION));
			assertThat(deletions(reader, script)).allSatisfy(e -> assertThat(e.getActor()).isEqualTo("system"));
		}
		assertThat(reconciler.reconcileOnce()).isZero();
	}

	@Test
	void operatorsSeeConsumerLagAndTheOutboxBacklogInOneScrape() {
		knownScript(); // the listener has consumed, so its lag metrics exist

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(http.get("/actuator/prometheus").body()).contains(
					"fountain_outbox_backlog_rows", "fountain_outbox_oldest_age_seconds",
					"kafka_consumer_fetch_manager_records_lag", "fountain_event_hop_seconds"));
	}

	private UUID knownScript() {
		UUID script = UUID.randomUUID();
		return bed.learn(Topic.SCRIPT, UpstreamEvents.scriptCreated(script), "script", script);
	}

	private UUID createAct(UUID script, String body) {
		return ServiceTestBed.created(http.post("/scripts/" + script + "/acts", body));
	}

	private List<String> titles(UUID script) {
		return titles(script, "");
	}

	private List<String> titles(UUID script, String query) {
		Http.Response page = http.get("/scripts/" + script + "/acts" + query);
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		return page.json().get("items").findValuesAsString("title");
	}

	private static void assertRefused(Http.Response response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").findValuesAsString("field")).as(response.toString())
			.containsExactly(field);
	}

	private int actRows(UUID script) {
		return bed.rows("act", script);
	}

	private List<ActEvent> deletions(TopicReader reader, UUID script) {
		return reader.keyed(script)
			.stream()
			.map(this::decode)
			.filter(e -> e.getPayload() instanceof ActDeleted)
			.toList();
	}

	private ActEvent decode(ConsumerRecord<String, byte[]> record) {
		return codec.decode(record.value(), ActEvent.class);
	}

}
