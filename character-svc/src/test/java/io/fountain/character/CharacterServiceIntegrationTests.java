package io.fountain.character;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.fountain.eventing.test.DeletionRace;
import io.fountain.eventing.test.ParentOwnerStandIn;
import io.fountain.eventing.test.ServiceIntegrationTest;
import io.fountain.eventing.test.ServiceTestBed;
import io.fountain.eventing.test.UpstreamEvents;
import io.fountain.events.Topic;
import io.fountain.events.character.v1.CharacterDeleted;
import io.fountain.events.character.v1.CharacterEvent;
import io.fountain.events.character.v1.CharacterUpdated;
import io.fountain.events.character.v1.DeletionCause;
import io.fountain.testing.Http;
import io.fountain.testing.TopicReader;

class CharacterServiceIntegrationTests extends ServiceIntegrationTest {

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		environment(registry, "character", "script");
	}

	@Test
	void aScriptsCastIsListedByNameAndARenameIsPublished() {
		UUID script = knownScript();
		UUID brick = create(script, "{\"name\": \"BRICK\", \"description\": \"An ex-athlete\"}");
		create(script, "{\"name\": \"MAGGIE\"}");

		assertThat(http.get("/scripts/" + script + "/characters").json().findValuesAsString("name"))
			.containsExactly("BRICK", "MAGGIE");
		assertThat(http.patch("/characters/" + brick, "{\"name\": \"BIG BRICK\"}").status()).isEqualTo(200);

		try (TopicReader reader = new TopicReader(Topic.CHARACTER.topicName())) {
			await().atMost(Duration.ofSeconds(20)).until(() -> reader.keyed(script).stream()
				.map(r -> codec.decode(r.value(), CharacterEvent.class))
				.anyMatch(e -> e.getPayload() instanceof CharacterUpdated updated && updated.getName().equals("BIG BRICK")
						&& e.getCharacterId().equals(brick)));
		}
	}

	@Test
	void twoCharactersOfOneScriptCannotShareAName() {
		UUID script = knownScript();
		create(script, "{\"name\": \"BRICK\"}");

		Http.Response again = http.post("/scripts/" + script + "/characters", "{\"name\": \"Brick\"}");

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("errors").findValuesAsString("field")).contains("name");
	}

	@Test
	void deletingAScriptDeletesItsCastEachAnnouncedAsACascade() {
		UUID script = knownScript();
		List<UUID> cast = List.of(create(script, "{\"name\": \"A\"}"), create(script, "{\"name\": \"B\"}"),
				create(script, "{\"name\": \"C\"}"));

		bed.send(Topic.SCRIPT, UpstreamEvents.scriptDeleted(script));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> cast.stream().allMatch(c -> http.get("/characters/" + c).status() == 404));
		try (TopicReader reader = new TopicReader(Topic.CHARACTER.topicName())) {
			await().atMost(Duration.ofSeconds(20)).until(() -> deletions(reader, script).size() == 3);
			assertThat(deletions(reader, script)).extracting(CharacterEvent::getCharacterId).containsExactlyInAnyOrderElementsOf(cast);
			assertThat(deletions(reader, script)).allSatisfy(e -> assertThat(((CharacterDeleted) e.getPayload()).getCause())
				.isEqualTo(DeletionCause.CASCADE));
		}
		assertThat(http.post("/scripts/" + script + "/characters", "{\"name\": \"D\"}").status()).isEqualTo(404);
	}

	@Test
	void charactersCreatedWhileTheirScriptIsBeingDeletedEndDeleted() throws Exception {
		UUID script = knownScript();
		AtomicInteger extras = new AtomicInteger();
		DeletionRace.run(
				() -> http.post("/scripts/" + script + "/characters",
						"{\"name\": \"EXTRA " + extras.incrementAndGet() + "\"}").status(),
				() -> bed.send(Topic.SCRIPT, UpstreamEvents.scriptDeleted(script)));
		await().atMost(Duration.ofSeconds(20)).until(() -> rows(script) == 0);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> rows(script) == 0);
	}

	@Test
	void aScriptJustCreatedTakesCharactersBeforeItsEventArrivesAndAnUnknownOneIsA404() {
		UUID fresh = UUID.randomUUID();
		ParentOwnerStandIn.exists("scripts", fresh, fresh);
		assertThat(http.post("/scripts/" + fresh + "/characters", "{\"name\": \"EARLY\"}").status()).isEqualTo(201);

		Http.Response unknown = http.post("/scripts/" + UUID.randomUUID() + "/characters", "{\"name\": \"X\"}");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(http.post("/scripts/" + fresh + "/characters", "{\"name\": \"\"}").status()).isEqualTo(400);
	}

	private UUID knownScript() {
		UUID script = UUID.randomUUID();
		return bed.learn(Topic.SCRIPT, UpstreamEvents.scriptCreated(script), "script", script);
	}

	private UUID create(UUID script, String body) {
		return ServiceTestBed.created(http.post("/scripts/" + script + "/characters", body));
	}

	private int rows(UUID script) {
		return bed.rows("character", script);
	}

	private List<CharacterEvent> deletions(TopicReader reader, UUID script) {
		return bed.events(reader, CharacterEvent.class, script).stream()
			.filter(e -> e.getPayload() instanceof CharacterDeleted).toList();
	}
}
