package io.fountain.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fountain.local.LocalStack;
import io.fountain.testing.Http;

/**
 * A retried command never acts twice: each kind of command sent again with its
 * Idempotency-Key gets the first answer back (marked replayed) and leaves every database
 * as the first left it; the same key with another body is a 422 naming the header.
 */
class IdempotencySystemIntegrationTests {

	private static LocalStack stack;

	private static ServiceDatabases databases;

	private static Http ada;

	@BeforeAll
	static void startTheSystem() {
		stack = SystemUnderTest.stack();
		databases = new ServiceDatabases(stack);
		ada = new Http(stack.edgeUrl(), Map.of("Authorization", "Bearer " + stack.token("ada")));
	}

	@Test
	void everyCommandSentTwiceWithItsKeyActsOnce() {
		PlayThroughEdge play = PlayThroughEdge.build(ada, "Retried");
		String script = "/scripts/" + play.scriptId;
		String act = "/acts/" + play.acts.get(0);
		String scene = "/scenes/" + play.scenes.get(0);

		UUID created = UUID
			.fromString(twice("POST", "/scripts", "{\"title\": \"Once\"}", 201).json().get("id").asString());
		assertThat(databases.rowsOf(created)).containsEntry("script-svc.script", 1);
		twice("PATCH", script, "{\"title\": \"Retitled once\"}", 200);
		twice("POST", script + "/acts", "{\"title\": \"ACT THREE\"}", 201);
		twice("POST", script + "/characters", "{\"name\": \"SKIPPER\"}", 201);
		twice("POST", act + "/scenes", "{\"heading\": \"INT. HALL - DAY\"}", 201);
		twice("POST", scene + "/actions", "{\"text\": \"Once only.\"}", 201);
		twice("POST", scene + "/dialogues",
				"{\"characterId\": \"" + play.characters.get(2) + "\", \"text\": \"Once.\"}", 201);
		twice("POST", scene + "/transitions", "{\"text\": \"FADE OUT.\"}", 201);
		twice("PUT", script + "/collaborators/gil", "{\"role\": \"viewer\"}", 200);
		twice("DELETE", play.elementPaths.get(0), null, 204);
		Map<String, Integer> rows = databases.rowsOf(play.scriptId);
		assertThat(rows).containsEntry("act-svc.act", 3)
			.containsEntry("scene-svc.scene", 5)
			.containsEntry("character-svc.character", 4)
			.containsEntry("transition-svc.transition", 5)
			.containsEntry("dialogue-svc.dialogue", 9)
			.as("4 actions, one deleted, one added")
			.containsEntry("scene-svc.action", 4);

		twice("DELETE", script, null, 202);
		await().atMost(Duration.ofSeconds(60)).until(() -> databases.rowsOf(play.scriptId).isEmpty());
	}

	@Test
	void aWholePlaySentTwiceWithItsKeyIsOnePlay() {
		String document = "{\"title\": \"One play\", \"acts\": [{\"title\": \"ONE\", \"scenes\": [{\"heading\": \"INT. A\"}]}]}";
		Http.Response first = twice("POST", "/plays", document, 202);
		UUID scriptId = UUID.fromString(first.location().substring(first.location().lastIndexOf('/') + 1));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> "ACTIVE".equals(ada.get("/scripts/" + scriptId + "/status").json().get("status").asString()));
		assertThat(databases.partsOf(scriptId)).containsEntry("act", 1).containsEntry("scene", 1);
	}

	@Test
	void theSameKeyWithAnotherBodyIs422NamingTheHeaderAndChangesNothing() {
		String key = UUID.randomUUID().toString();
		Http keyed = ada.withHeaders(Map.of("Idempotency-Key", key));
		UUID id = PlayThroughEdge.id(keyed.post("/scripts", "{\"title\": \"First\"}"));
		Map<String, String> before = databases.fingerprint();

		Http.Response other = keyed.post("/scripts", "{\"title\": \"Second\"}");

		assertThat(other.status()).isEqualTo(422);
		assertThat(other.contentType()).startsWith("application/problem+json");
		assertThat(other.json().at("/errors/0/field").asString()).isEqualTo("Idempotency-Key");
		assertThat(databases.fingerprint()).isEqualTo(before);
		assertThat(ada.withHeaders(Map.of("Idempotency-Key", "bad key with spaces"))
			.post("/scripts", "{\"title\": \"x\"}")
			.status()).isEqualTo(400);
		assertThat(new Http(stack.edgeUrl(),
				Map.of("Authorization", "Bearer " + stack.token("someone-else"), "Idempotency-Key", key))
			.post("/scripts", "{\"title\": \"Second\"}")
			.status()).as("keys are per user").isEqualTo(201);
		assertThat(ada.get("/scripts/" + id).json().get("title").asString()).isEqualTo("First");
	}

	/**
	 * Sends the command twice with one new key: the answers match, the second is a
	 * replay, nothing changed by it.
	 */
	private static Http.Response twice(String method, String path, String body, int status) {
		Http keyed = ada.withHeaders(Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		Function<Http, Http.Response> send = http -> http.send(method, path, body,
				body == null ? null : "application/json");
		Http.Response first = send.apply(keyed);
		assertThat(first.status()).as(method + " " + path + ": " + first).isEqualTo(status);
		Map<String, String> after = settled();

		Http.Response second = send.apply(keyed);

		assertThat(second.status()).as(method + " " + path).isEqualTo(first.status());
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.location()).isEqualTo(first.location());
		assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(settled()).as(method + " " + path + " again changed nothing").isEqualTo(after);
		return first;
	}

	/**
	 * What the databases hold once the command's events have run their course: two looks
	 * alike, 0.5 s apart.
	 */
	private static Map<String, String> settled() {
		AtomicReference<Map<String, String>> last = new AtomicReference<>(Map.of());
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
			Map<String, String> now = databases.fingerprint();
			return now.equals(last.getAndSet(now));
		});
		return last.get();
	}

}
