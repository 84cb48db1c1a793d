package io.fountain.character;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.fountain.eventing.test.ChildKindContract;
import io.fountain.eventing.test.ParentOwnerStandIn;
import io.fountain.eventing.test.ServiceTestBed;
import io.fountain.eventing.test.UpstreamEvents;
import io.fountain.events.Topic;
import io.fountain.events.character.v1.CharacterDeleted;
import io.fountain.events.character.v1.CharacterEvent;
import io.fountain.events.character.v1.CharacterUpdated;
import io.fountain.events.character.v1.DeletionCause;
import io.fountain.parents.ParentKind;
import io.fountain.testing.EntityTags;
import io.fountain.testing.Http;
import io.fountain.testing.TopicReader;

class CharacterServiceIntegrationTests extends ChildKindContract {

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		environment(registry, "character", "script");
	}

	private final AtomicInteger extras = new AtomicInteger();

	@Override
	protected Http.Response createChild(UUID scriptId, Map<ParentKind, UUID> parents) {
		return http.post("/scripts/" + parents.get(ParentKind.SCRIPT) + "/characters",
				"{\"name\": \"EXTRA " + extras.incrementAndGet() + "\"}");
	}

	@Override
	protected Topic childTopic() {
		return Topic.CHARACTER;
	}

	@Test
	void aScriptsCastIsListedByNameAndARenameIsPublished() {
		UUID script = knownScript();
		UUID brick = create(script, "{\"name\": \"BRICK\", \"description\": \"An ex-athlete\"}");
		create(script, "{\"name\": \"MAGGIE\"}");

		assertThat(names(script, "")).containsExactly("BRICK", "MAGGIE");
		assertThat(http.patch("/characters/" + brick, "{\"name\": \"BIG BRICK\"}").status()).isEqualTo(200);

		try (TopicReader reader = new TopicReader(Topic.CHARACTER.topicName())) {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> reader.keyed(script)
					.stream()
					.map(r -> codec.decode(r.value(), CharacterEvent.class))
					.anyMatch(e -> e.getPayload() instanceof CharacterUpdated updated
							&& updated.getName().equals("BIG BRICK") && e.getCharacterId().equals(brick)));
		}
	}

	@Test
	void aCharactersETagIsItsVersionAndAChangeOnAStaleVersionIsA412ThatChangesNothing() {
		UUID script = knownScript();
		Http.Response created = http.post("/scripts/" + script + "/characters", "{\"name\": \"BRICK\"}");
		UUID brick = UUID.fromString(created.json().get("id").asString());
		// A co-author's rename on the version they read is refused.
		Http.Response changed = EntityTags.changeOnlyOnTheVersionRead(http, created, "/characters/" + brick,
				"{\"description\": \"An ex-athlete\"}", "{\"name\": \"BIG BRICK\"}");
		EntityTags.deleteOnlyOnTheVersionRead(http, "/characters/" + brick, "\"1\"", changed.header("ETag"));
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
	void aCastIsPagedTwentyByDefaultAndBadPagingIsA400NamingTheParameter() {
		UUID script = knownScript();
		for (int i = 1; i <= 22; i++) {
			create(script, "{\"name\": \"EXTRA " + (char) ('A' + i - 1) + "\"}");
		}

		Http.Response first = http.get("/scripts/" + script + "/characters");
		assertThat(first.json().get("items")).hasSize(20);
		assertThat(first.json().get("size").asInt()).isEqualTo(20);
		assertThat(first.json().get("total").asLong()).isEqualTo(22);
		assertThat(names(script, "?page=1")).containsExactly("EXTRA U", "EXTRA V");
		assertThat(names(script, "?page=1&size=3")).containsExactly("EXTRA D", "EXTRA E", "EXTRA F");

		String cast = "/scripts/" + script + "/characters";
		assertRefused(http.get(cast + "?size=0"), "size");
		assertRefused(http.get(cast + "?size=100000"), "size");
		assertRefused(http.get(cast + "?size=abc"), "size");
		assertRefused(http.get(cast + "?page=-1"), "page");
	}

	@Test
	void aMergePatchKeepsWhatItLeavesOutClearsTheDescriptionAndRefusesToClearTheName() {
		UUID script = knownScript();
		UUID brick = create(script, "{\"name\": \"BRICK\", \"description\": \"An ex-athlete\"}");

		Http.Response described = http.send("PATCH", "/characters/" + brick, "{\"description\": \"Drinks.\"}",
				"application/merge-patch+json");
		assertThat(described.status()).as(described.toString()).isEqualTo(200);
		assertThat(described.json().get("name").asString()).isEqualTo("BRICK");
		Http.Response cleared = http.patch("/characters/" + brick, "{\"description\": null}");
		assertThat(cleared.json().get("description").isNull()).isTrue();
		assertThat(cleared.json().get("name").asString()).isEqualTo("BRICK");

		assertRefused(http.patch("/characters/" + brick, "{\"name\": null, \"description\": \"Gone?\"}"), "name");
		assertThat(http.get("/characters/" + brick).json().get("description").isNull()).as("nothing changed").isTrue();
	}

	@Test
	void aNameFountainCannotWriteAsACueIsA400NamingIt() {
		UUID script = knownScript();
		assertRefused(http.post("/scripts/" + script + "/characters", "{\"name\": \"BRICK\\nMAGGIE\"}"), "name");
		assertRefused(http.post("/scripts/" + script + "/characters", "{\"name\": \"BRICK (V.O.)\"}"), "name");
		UUID brick = create(script, "{\"name\": \"BRICK\"}");
		assertRefused(http.patch("/characters/" + brick, "{\"name\": \"BRICK\\n\\nINT. HOUSE\"}"), "name");
		assertThat(names(script, "")).containsExactly("BRICK");
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
			assertThat(deletions(reader, script)).extracting(CharacterEvent::getCharacterId)
				.containsExactlyInAnyOrderElementsOf(cast);
			assertThat(deletions(reader, script)).allSatisfy(
					e -> assertThat(((CharacterDeleted) e.getPayload()).getCause()).isEqualTo(DeletionCause.CASCADE));
		}
		assertThat(http.post("/scripts/" + script + "/characters", "{\"name\": \"D\"}").status()).isEqualTo(404);
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

	private List<String> names(UUID script, String query) {
		Http.Response page = http.get("/scripts/" + script + "/characters" + query);
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		return page.json().get("items").findValuesAsString("name");
	}

	private static void assertRefused(Http.Response response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").findValuesAsString("field")).as(response.toString())
			.containsExactly(field);
	}

	private int rows(UUID script) {
		return bed.rows("character", script);
	}

	private List<CharacterEvent> deletions(TopicReader reader, UUID script) {
		return bed.events(reader, CharacterEvent.class, script)
			.stream()
			.filter(e -> e.getPayload() instanceof CharacterDeleted)
			.toList();
	}

}
