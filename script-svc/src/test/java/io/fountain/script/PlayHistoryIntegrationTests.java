package io.fountain.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.fountain.callers.Caller;
import io.fountain.eventing.serde.AvroCodec;
import io.fountain.eventing.test.ServiceTestBed;
import io.fountain.eventing.test.UpstreamEvents;
import io.fountain.events.Topic;
import io.fountain.events.act.v1.ActDeleted;
import io.fountain.events.act.v1.ActEvent;
import io.fountain.events.act.v1.ActUpdated;
import io.fountain.events.act.v1.DeletionCause;
import io.fountain.testing.FountainTestEnvironment;
import io.fountain.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * The play's history as its writers read it: script-svc's own changes and the parts'
 * events, newest first, with who, what and why; each event once; for owners and editors
 * only; and gone with the play.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlayHistoryIntegrationTests {

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		FountainTestEnvironment.register(registry, "script");
	}

	@LocalServerPort
	int port;

	@Autowired
	AvroCodec codec;

	@Autowired
	JdbcTemplate jdbc;

	private UpstreamEvents upstream;

	@BeforeEach
	void openUpstream() {
		upstream = new UpstreamEvents(codec);
	}

	@AfterEach
	void closeUpstream() {
		upstream.close();
	}

	private Http as(String user) {
		return new Http("http://localhost:" + port, ServiceTestBed.callerHeaders(Caller.user(user, Set.of())));
	}

	@Test
	void thePlaysChangesAndItsPartsEventsAreItsHistoryNewestFirstEachOnce() {
		Http ada = as("ada");
		UUID script = UUID.fromString(ada.post("/scripts", "{\"title\": \"Kept\"}").json().get("id").asString());
		assertThat(ada.patch("/scripts/" + script, "{\"title\": \"Kept, retitled\"}").status()).isEqualTo(200);
		assertThat(ada
			.send("PUT", "/scripts/" + script + "/collaborators/eve", "{\"role\": \"editor\"}", "application/json")
			.status()).isEqualTo(200);
		UUID act = UUID.randomUUID();
		ActEvent created = UpstreamEvents.actCreated(script, act);
		upstream.send(Topic.ACT, created);
		upstream.send(Topic.ACT, created); // redelivered: recorded once
		ActEvent renamed = UpstreamEvents.actCreated(script, act);
		renamed.setPayload(ActUpdated.newBuilder().setOrdinal(1).setTitle("ONE").setChanged(List.of("title")).build());
		upstream.send(Topic.ACT, renamed);
		ActEvent deleted = UpstreamEvents.actDeleted(script, act);
		((ActDeleted) deleted.getPayload()).setCause(DeletionCause.REQUESTED);
		deleted.put("actor", "eve");
		deleted.put("eventId", UUID.randomUUID());
		deleted.put("occurredAt", Instant.now().plusMillis(5));
		deleted.put("correlationId", "the-deletion");
		upstream.send(Topic.ACT, deleted);

		await().atMost(Duration.ofSeconds(20)).until(() -> history(ada, script, "").size() == 6);
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> history(ada, script, "").size() == 6);
		List<JsonNode> entries = history(ada, script, "");
		assertThat(entries).extracting(e -> e.get("kind").asString() + " " + e.get("change").asString())
			.containsExactly("act deleted", "act updated", "act created", "script shared", "script updated",
					"script created");
		JsonNode deletion = entries.get(0);
		assertThat(deletion.get("user").asString()).isEqualTo("eve");
		assertThat(deletion.get("id").asString()).isEqualTo(act.toString());
		assertThat(deletion.get("cause").asString()).isEqualTo("REQUESTED");
		assertThat(deletion.get("correlationId").asString()).isEqualTo("the-deletion");
		assertThat(entries.get(1).get("fields").toString()).isEqualTo("[\"title\"]");
		assertThat(entries.get(4).get("event").asString()).isEqualTo("ScriptUpdated");
		assertThat(entries.get(5).get("user").asString()).isEqualTo("ada");

		assertThat(history(ada, script, "?kind=act")).hasSize(3);
		assertThat(history(ada, script, "?user=eve")).singleElement()
			.satisfies(e -> assertThat(e.get("change").asString()).isEqualTo("deleted"));
		Http.Response page = ada.get("/scripts/" + script + "/history?size=2&page=1");
		assertThat(page.json().get("total").asInt()).isEqualTo(6);
		assertThat(page.json().get("items").get(0).get("change").asString()).isEqualTo("created");
		// The play's revision numbers the entries in its order, each once, the redelivery
		// taking no number: what the tree's ETag and the change feed count.
		assertThat(ada.get("/scripts/" + script + "/revision").json().get("revision").asLong()).isEqualTo(6);
		JsonNode after = ada.get("/scripts/" + script + "/history/after/3").json();
		assertThat(after.get("revision").asLong()).isEqualTo(6);
		assertThat(after.get("items").findValuesAsString("change")).containsExactly("created", "updated", "deleted");
		assertThat(after.get("items").findValues("revision")).extracting(JsonNode::asLong).containsExactly(4L, 5L, 6L);
		assertThat(jdbc.queryForList("SELECT revision FROM play_history WHERE script_id = ? ORDER BY revision",
				Long.class, script))
			.containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
		assertThat(as("mallory").get("/scripts/" + script + "/history/after/0").status()).isEqualTo(404);

		Http.Response badKind = ada.get("/scripts/" + script + "/history?kind=note");
		assertThat(badKind.status()).isEqualTo(400);
		assertThat(badKind.contentType()).startsWith("application/problem+json");
		assertThat(badKind.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
	}

	@Test
	void ownersAndEditorsSeeItAndItGoesWithThePlay() {
		Http ada = as("ada");
		UUID script = UUID.fromString(ada.post("/scripts", "{\"title\": \"Gone\"}").json().get("id").asString());
		for (String[] share : new String[][] { { "eve", "editor" }, { "val", "viewer" } }) {
			assertThat(ada
				.send("PUT", "/scripts/" + script + "/collaborators/" + share[0], "{\"role\": \"" + share[1] + "\"}",
						"application/json")
				.status()).isEqualTo(200);
		}
		assertThat(as("eve").get("/scripts/" + script + "/history").status()).isEqualTo(200);
		assertThat(as("val").get("/scripts/" + script + "/history").status()).as("a viewer").isEqualTo(403);
		assertThat(as("bob").get("/scripts/" + script + "/history").status()).as("a stranger").isEqualTo(404);
		assertThat(rows(script)).isEqualTo(3);

		assertThat(ada.delete("/scripts/" + script).status()).isEqualTo(202);
		assertThat(rows(script)).as("gone with the play, its deletion included").isZero();
		// The cascade's events after the deletion are not history any more.
		UUID act = UUID.randomUUID();
		upstream.send(Topic.ACT, UpstreamEvents.actDeleted(script, act));
		UUID other = UUID.fromString(ada.post("/scripts", "{\"title\": \"Later\"}").json().get("id").asString());
		upstream.send(Topic.ACT, UpstreamEvents.actCreated(other, UUID.randomUUID()));
		await().atMost(Duration.ofSeconds(20)).until(() -> rows(other) == 2); // the later
																				// event
																				// applied
		assertThat(rows(script)).isZero();
		assertThat(ada.get("/scripts/" + script + "/history").status()).isEqualTo(404);
	}

	private List<JsonNode> history(Http http, UUID script, String query) {
		Http.Response response = http.get("/scripts/" + script + "/history" + query);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		response.json().get("items").forEach(items::add);
		return items;
	}

	private int rows(UUID script) {
		return jdbc.queryForObject("SELECT count(*) FROM play_history WHERE script_id = ?", Integer.class, script);
	}

}
