package io.fountain.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.fountain.access.AccessLookup;
import io.fountain.access.Role;
import io.fountain.callers.Caller;
import io.fountain.callers.CallerTokens;
import io.fountain.eventing.test.ServiceTestBed;
import io.fountain.eventing.serde.AvroCodec;
import io.fountain.events.Topic;
import io.fountain.events.script.v1.ScriptCreated;
import io.fountain.events.script.v1.ScriptDeleted;
import io.fountain.events.script.v1.ScriptEvent;
import io.fountain.events.script.v1.ScriptUpdated;
import io.fountain.testing.FountainTestEnvironment;
import io.fountain.testing.Http;
import io.fountain.testing.TopicReader;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScriptServiceIntegrationTests {

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

	@Autowired
	CallerTokens tokens;

	private Http as(String user) {
		return new Http("http://localhost:" + port,
				ServiceTestBed.callerHeaders(Caller.user(user, java.util.Set.of())));
	}

	/**
	 * What another service's access replica reads when a script's creation has not
	 * reached it yet (read-your-writes): the owner and every collaborator, from
	 * script-svc's paged list itself, more than one page of it included. It once read a
	 * shape the list no longer had and learnt an owner-less script, so its writer got a
	 * 404.
	 */
	@Test
	void anotherServiceLearnsTheOwnerAndEveryCollaboratorFromThePagedList() {
		Http ada = as("ada");
		UUID id = UUID.fromString(ada.post("/scripts", """
				{"title": "Shared"}""").json().get("id").asString());
		for (int i = 0; i < 120; i++) {
			String role = i % 2 == 0 ? "editor" : "viewer";
			assertThat(ada
				.send("PUT", "/scripts/" + id + "/collaborators/user-" + i, "{\"role\": \"" + role + "\"}",
						"application/json")
				.status()).isEqualTo(200);
		}
		AccessLookup lookup = new AccessLookup("http://localhost:" + port, Duration.ofSeconds(5), tokens);

		AccessLookup.Access access = lookup.find(id).orElseThrow();

		assertThat(access.owner()).isEqualTo("ada");
		assertThat(access.collaborators()).hasSize(120)
			.containsEntry("user-0", Role.EDITOR)
			.containsEntry("user-119", Role.VIEWER)
			.doesNotContainKey("ada");
		assertThat(lookup.find(UUID.randomUUID())).isEmpty();
	}

	@Test
	void aScriptsLifeIsPublishedAsEventsKeyedByItsId() {
		Http ada = as("ada");
		Http.Response created = ada.post("/scripts", """
				{"title": "Big Fish", "credit": "written by", "authors": ["John August"], "draftDate": "2003"}""");
		assertThat(created.status()).isEqualTo(201);
		UUID id = UUID.fromString(created.json().get("id").asString());
		assertThat(created.location()).isEqualTo("/scripts/" + id);
		assertThat(created.json().get("owner").asString()).isEqualTo("ada");

		Http.Response revised = ada.patch("/scripts/" + id, """
				{"title": "Big Fish (revised)", "draftDate": null}""");
		assertThat(revised.status()).isEqualTo(200);
		assertThat(revised.json().get("credit").asString()).isEqualTo("written by");
		assertThat(revised.json().get("draftDate").isNull()).isTrue();

		assertThat(ada.delete("/scripts/" + id).status()).isEqualTo(202);
		assertThat(ada.get("/scripts/" + id).status()).isEqualTo(404);

		try (TopicReader reader = new TopicReader(Topic.SCRIPT.topicName())) {
			await().atMost(Duration.ofSeconds(20)).until(() -> reader.keyed(id).size() == 3);
			List<ScriptEvent> events = reader.keyed(id).stream().map(this::decode).toList();
			assertThat(events).allSatisfy(event -> {
				assertThat(event.getScriptId()).isEqualTo(id);
				assertThat(event.getActor()).isEqualTo("ada");
			});
			ScriptCreated createdEvent = (ScriptCreated) events.get(0).getPayload();
			assertThat(createdEvent.getOwner()).isEqualTo("ada");
			assertThat(createdEvent.getTitlePage().getAuthors()).containsExactly("John August");
			ScriptUpdated updated = (ScriptUpdated) events.get(1).getPayload();
			assertThat(updated.getChanged()).containsExactlyInAnyOrder("title", "draftDate");
			assertThat(events.get(2).getPayload()).isInstanceOf(ScriptDeleted.class);
			assertThat(events).extracting(ScriptEvent::getEventId).doesNotHaveDuplicates();
		}
	}

	@Test
	void aCallerListsTheirOwnScriptsPageByPage() {
		Http bo = as("bo-" + UUID.randomUUID());
		for (int i = 0; i < 3; i++) {
			assertThat(bo.post("/scripts", "{\"title\": \"Play " + i + "\"}").status()).isEqualTo(201);
		}
		as("someone-else").post("/scripts", "{\"title\": \"Not yours\"}");

		Http.Response first = bo.get("/scripts?size=2");
		assertThat(first.json().get("total").asLong()).isEqualTo(3);
		assertThat(first.json().get("items")).hasSize(2);
		assertThat(first.json().get("items").get(0).get("title").asString()).isEqualTo("Play 2");
		assertThat(bo.get("/scripts?size=2&page=1").json().get("items")).hasSize(1);
		assertThat(bo.get("/scripts?size=1000").status()).isEqualTo(400);
	}

	@Test
	void badInputIsA400NamingTheFieldAndWritesNothing() {
		Http ada = as("ada-bad-input");
		assertProblem(ada.post("/scripts", "{}"), "title");
		assertProblem(ada.post("/scripts", "{\"title\": 42}"), "title");
		assertProblem(ada.post("/scripts", "{\"title\": {\"nested\": true}}"), "title");
		assertProblem(ada.post("/scripts", "{\"title\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}"), "title");
		assertProblem(ada.post("/scripts", "{\"title\": \"ok\", \"authors\": [\"\"]}"), "authors[0]");
		assertProblem(ada.post("/scripts", "{\"title\": \"ok\", \"tilte\": \"typo\"}"), "tilte");
		assertProblem(ada.post("/scripts", "not json"), "$");
		assertProblem(ada.patch("/scripts/" + UUID.randomUUID(), "{\"title\": \"   \"}"), "title");
		assertThat(ada.get("/scripts/not-a-uuid").status()).isEqualTo(400);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM script WHERE owner = 'ada-bad-input'", Integer.class))
			.isZero();
	}

	@Test
	void aMergePatchKeepsWhatItLeavesOutClearsOptionalFieldsAndRefusesToClearTheTitle() {
		Http ada = as("ada-patches");
		String script = "/scripts/" + ada.post("/scripts", """
				{"title": "Big Fish", "credit": "written by", "authors": ["John August"], "source": "a novel"}""")
			.json()
			.get("id")
			.asString();

		Http.Response revised = ada.send("PATCH", script, "{\"source\": null, \"authors\": null}",
				"application/merge-patch+json");
		assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
		assertThat(revised.json().get("source").isNull()).isTrue();
		assertThat(revised.json().get("authors")).isEmpty();
		assertThat(revised.json().get("title").asString()).as("absent: left as it is").isEqualTo("Big Fish");
		assertThat(revised.json().get("credit").asString()).isEqualTo("written by");

		assertProblem(ada.patch(script, "{\"title\": null, \"credit\": null}"), "title");
		assertThat(ada.get(script).json().get("credit").asString()).as("nothing changed").isEqualTo("written by");
	}

	@Test
	void titlePageTextFountainWouldReadBackAsSomethingElseIsA400NamingTheField() {
		Http ada = as("ada-fountain-text");
		assertProblem(ada.post("/scripts", "{\"title\": \"Big\\n\\nFish\"}"), "title");
		assertProblem(ada.post("/scripts", "{\"title\": \"Big Fish \"}"), "title");
		assertProblem(ada.post("/scripts", "{\"title\": \"Big Fish\", \"authors\": [\"John\\nAugust\"]}"),
				"authors[0]");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM script WHERE owner = 'ada-fountain-text'", Integer.class))
			.isZero();
		Http.Response twoLines = ada.post("/scripts", "{\"title\": \"Big\\nFish\"}");
		assertThat(twoLines.status()).as("a title page value may have several lines").isEqualTo(201);
		String script = "/scripts/" + twoLines.json().get("id").asString();
		assertProblem(ada.patch(script, "{\"contact\": \"ada@example.com\\n\\nINT. HOUSE\"}"), "contact");
		assertThat(ada.get(script).json().get("contact").isNull()).isTrue();
	}

	@Test
	void collaboratorsArePagedOwnerFirstAndTheSystemsIdIsNoCollaborator() {
		Http ada = as("ada-shares");
		String script = "/scripts/" + ada.post("/scripts", "{\"title\": \"Shared\"}").json().get("id").asString();
		for (String user : List.of("cy", "bo", "dee")) {
			Http.Response shared = ada.send("PUT", script + "/collaborators/" + user, "{\"role\": \"viewer\"}",
					"application/json");
			assertThat(shared.status()).as(shared.toString()).isEqualTo(200);
		}

		Http.Response first = ada.get(script + "/collaborators?size=2");
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.json().get("total").asLong()).isEqualTo(4);
		assertThat(first.json().get("size").asInt()).isEqualTo(2);
		assertThat(first.json().get("items").findValuesAsString("userId")).containsExactly("ada-shares", "bo");
		assertThat(first.json().get("items").findValuesAsString("role")).containsExactly("owner", "viewer");
		assertThat(ada.get(script + "/collaborators?size=2&page=1").json().get("items").findValuesAsString("userId"))
			.containsExactly("cy", "dee");
		assertThat(ada.get(script + "/collaborators").json().get("items")).hasSize(4);
		assertProblem(ada.get(script + "/collaborators?size=0"), "size");
		assertProblem(ada.get(script + "/collaborators?size=100000"), "size");
		assertProblem(ada.get(script + "/collaborators?size=abc"), "size");
		assertProblem(ada.get(script + "/collaborators?page=-1"), "page");

		assertProblem(ada.send("PUT", script + "/collaborators/" + Caller.SYSTEM, "{\"role\": \"editor\"}",
				"application/json"), "userId");
		assertThat(ada.get(script + "/collaborators").json().get("total").asLong()).as("nothing changed").isEqualTo(4);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM script_access WHERE user_id = ?", Integer.class,
				Caller.SYSTEM))
			.isZero();
	}

	@Test
	void anUnknownScriptIsA404Problem() {
		Http.Response response = as("ada").get("/scripts/" + UUID.randomUUID());
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(as("ada").delete("/scripts/" + UUID.randomUUID()).status()).isEqualTo(404);
	}

	private static void assertProblem(Http.Response response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").findValuesAsString("field")).as(response.toString()).contains(field);
	}

	private ScriptEvent decode(ConsumerRecord<String, byte[]> record) {
		return codec.decode(record.value(), ScriptEvent.class);
	}

}
