package io.fountain.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.fountain.eventing.test.ChildKindContract;
import io.fountain.eventing.test.ServiceTestBed;
import io.fountain.eventing.test.UpstreamEvents;
import io.fountain.events.Topic;
import io.fountain.events.dialogue.v1.DialogueCreated;
import io.fountain.events.dialogue.v1.DialogueDeleted;
import io.fountain.events.dialogue.v1.DialogueEvent;
import io.fountain.parents.ParentKind;
import io.fountain.testing.EntityTags;
import io.fountain.testing.Http;
import io.fountain.testing.TopicReader;

class DialogueServiceIntegrationTests extends ChildKindContract {

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		environment(registry, "dialogue", "scene", "character");
	}

	private final UUID script = UUID.randomUUID();

	@Override
	protected Http.Response createChild(UUID scriptId, Map<ParentKind, UUID> parents) {
		return http.post("/scenes/" + parents.get(ParentKind.SCENE) + "/dialogues",
				"{\"characterId\": \"" + parents.get(ParentKind.CHARACTER) + "\", \"text\": \"Again.\"}");
	}

	@Override
	protected Topic childTopic() {
		return Topic.DIALOGUE;
	}

	@Test
	void aBlockReadsBackWithItsParentheticalsAndItsCharactersCurrentName() {
		UUID scene = knownScene();
		UUID brick = knownCharacter("BRICK");
		UUID block = dialogue(scene, brick, "Mendacity.\\nThat's the system.",
				", \"extension\": \"V.O.\", " + "\"parentheticals\": [{\"text\": \"beat\", \"beforeLine\": 1}]");

		Http.Response read = http.get("/dialogues/" + block);
		assertThat(read.json().get("characterName").asString()).isEqualTo("BRICK");
		assertThat(read.json().get("extension").asString()).isEqualTo("V.O.");
		assertThat(read.json().at("/parentheticals/0/text").asString()).isEqualTo("beat");
		String before = read.header("ETag");

		bed.send(Topic.CHARACTER, UpstreamEvents.characterRenamed(script, brick, "BRICK POLLITT"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> http.get("/scenes/" + scene + "/dialogues")
				.json()
				.get("items")
				.findValuesAsString("characterName")
				.equals(List.of("BRICK POLLITT")));
		// The block shows the new name: a copy held under the old tag is stale.
		Http.Response renamed = http.withHeaders(Map.of("If-None-Match", before)).get("/dialogues/" + block);
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.header("ETag")).isNotEqualTo(before);
		assertThat(renamed.json().get("characterName").asString()).isEqualTo("BRICK POLLITT");

		try (TopicReader reader = new TopicReader(Topic.DIALOGUE.topicName())) {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> reader.keyed(script)
					.stream()
					.map(r -> codec.decode(r.value(), DialogueEvent.class))
					.anyMatch(e -> e.getPayload() instanceof DialogueCreated created && e.getDialogueId().equals(block)
							&& e.getCharacterId().equals(brick) && created.getParentheticals().size() == 1));
		}
	}

	@Test
	void aBlocksETagIsItsVersionItsParentheticalsChangeItAndAChangeOnAStaleVersionIsA412ThatChangesNothing() {
		UUID scene = knownScene();
		UUID brick = knownCharacter("BRICK");
		Http.Response created = http.post("/scenes/" + scene + "/dialogues",
				"{\"characterId\": \"" + brick + "\", \"text\": \"Mendacity.\"}");
		UUID block = UUID.fromString(created.json().get("id").asString());
		Http.Response changed = EntityTags.changeOnlyOnTheVersionRead(http, created, "/dialogues/" + block,
				"{\"text\": \"Mendacity!\"}", "{\"text\": \"Lies.\"}");
		String first = created.header("ETag");
		String second = changed.header("ETag");

		// The parentheticals are part of the block: adding one is a new version of it,
		// and one added on a stale version is refused like any other change.
		Http.Response staleBeat = http.withHeaders(Map.of("If-Match", first))
			.patch("/dialogues/" + block, "{\"parentheticals\": [{\"text\": \"beat\"}]}");
		assertThat(staleBeat.status()).isEqualTo(412);
		assertThat(http.get("/dialogues/" + block).json().get("parentheticals")).isEmpty();
		Http.Response beat = http.withHeaders(Map.of("If-Match", second))
			.patch("/dialogues/" + block, "{\"parentheticals\": [{\"text\": \"beat\"}]}");
		assertThat(beat.status()).as(beat.toString()).isEqualTo(200);
		String third = beat.header("ETag");
		assertThat(third).isEqualTo("\"3\"");
		Http.Response withBeat = http.get("/dialogues/" + block);
		assertThat(withBeat.header("ETag")).isEqualTo(third);
		assertThat(withBeat.json().at("/parentheticals/0/text").asString()).isEqualTo("beat");

		EntityTags.deleteOnlyOnTheVersionRead(http, "/dialogues/" + block, second, third);
	}

	/**
	 * Issue 16: a 422 "belongs to another script" told a caller that an id of a play they
	 * cannot see exists.
	 */
	@Test
	void aCharacterOfAnotherScriptIsNotFoundExactlyAsAnUnknownOneAndAParentheticalMustFitItsLines() {
		UUID scene = knownScene();
		UUID stranger = UUID.randomUUID();
		bed.send(Topic.CHARACTER, UpstreamEvents.characterCreated(UUID.randomUUID(), stranger, "STRANGER"));
		await().atMost(Duration.ofSeconds(20)).until(() -> known("character", stranger));
		UUID nobody = UUID.randomUUID();

		Http.Response foreign = http.post("/scenes/" + scene + "/dialogues",
				"{\"characterId\": \"" + stranger + "\", \"text\": \"Hi.\"}");
		Http.Response unknown = http.post("/scenes/" + scene + "/dialogues",
				"{\"characterId\": \"" + nobody + "\", \"text\": \"Hi.\"}");
		assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
		assertSameAnswer(foreign, stranger, unknown, nobody);
		UUID block = dialogue(scene, knownCharacter("BRICK"), "Hello.", "");
		Http.Response foreignPatch = http.patch("/dialogues/" + block, "{\"characterId\": \"" + stranger + "\"}");
		Http.Response unknownPatch = http.patch("/dialogues/" + block, "{\"characterId\": \"" + nobody + "\"}");
		assertThat(foreignPatch.status()).as(foreignPatch.toString()).isEqualTo(404);
		assertSameAnswer(foreignPatch, stranger, unknownPatch, nobody);
		assertThat(bed.rows("dialogue", script)).isEqualTo(1);

		Http.Response misplaced = http
			.post("/scenes/" + scene + "/dialogues", "{\"characterId\": \"" + knownCharacter("MAGGIE")
					+ "\", \"text\": \"One line.\", \"parentheticals\": [{\"text\": \"beat\", \"beforeLine\": 5}]}");
		assertThat(misplaced.status()).isEqualTo(400);
		assertThat(misplaced.json().get("errors").findValuesAsString("field")).contains("parentheticals[0].beforeLine");
	}

	@Test
	void aScenesDialogueIsPagedTwentyByDefaultAndBadPagingIsA400NamingTheParameter() {
		UUID scene = knownScene();
		UUID brick = knownCharacter("BRICK");
		for (int i = 1; i <= 21; i++) {
			dialogue(scene, brick, "Line " + i + ".", "");
		}

		Http.Response first = http.get("/scenes/" + scene + "/dialogues");
		assertThat(first.json().get("items")).hasSize(20);
		assertThat(first.json().get("size").asInt()).isEqualTo(20);
		assertThat(first.json().get("total").asLong()).isEqualTo(21);
		assertThat(first.json().at("/items/0/characterName").asString()).isEqualTo("BRICK");
		assertThat(spoken(scene, "?page=1")).containsExactly("Line 21.");
		assertThat(spoken(scene, "?page=4&size=4")).containsExactly("Line 17.", "Line 18.", "Line 19.", "Line 20.");

		String list = "/scenes/" + scene + "/dialogues";
		assertRefused(http.get(list + "?size=0"), "size");
		assertRefused(http.get(list + "?size=100000"), "size");
		assertRefused(http.get(list + "?size=abc"), "size");
		assertRefused(http.get(list + "?page=-1"), "page");
	}

	@Test
	void aMergePatchKeepsWhatItLeavesOutClearsOptionalFieldsAndRefusesToClearRequiredOnes() {
		UUID scene = knownScene();
		UUID brick = knownCharacter("BRICK");
		UUID maggie = knownCharacter("MAGGIE");
		UUID block = dialogue(scene, brick, "Hello.", ", \"extension\": \"V.O.\", \"dual\": true, "
				+ "\"parentheticals\": [{\"text\": \"quietly\", \"beforeLine\": 0}]");

		Http.Response reworded = http.send("PATCH", "/dialogues/" + block, "{\"text\": \"Hello again.\"}",
				"application/merge-patch+json");
		assertThat(reworded.status()).as(reworded.toString()).isEqualTo(200);
		assertThat(reworded.json().get("characterId").asString()).isEqualTo(brick.toString());
		assertThat(reworded.json().get("extension").asString()).isEqualTo("V.O.");
		assertThat(reworded.json().get("dual").asBoolean()).isTrue();
		assertThat(reworded.json().at("/parentheticals/0/text").asString()).isEqualTo("quietly");

		Http.Response unextended = http.patch("/dialogues/" + block, "{\"extension\": null}");
		assertThat(unextended.json().get("extension").isNull()).isTrue();
		assertThat(unextended.json().get("parentheticals")).hasSize(1);
		Http.Response plain = http.patch("/dialogues/" + block, "{\"parentheticals\": null}");
		assertThat(plain.json().get("parentheticals")).isEmpty();
		assertThat(plain.json().get("text").asString()).isEqualTo("Hello again.");
		Http.Response recast = http.patch("/dialogues/" + block, "{\"characterId\": \"" + maggie + "\"}");
		assertThat(recast.json().get("characterName").asString()).isEqualTo("MAGGIE");
		assertThat(recast.json().get("text").asString()).isEqualTo("Hello again.");

		assertRefused(http.patch("/dialogues/" + block, "{\"characterId\": null}"), "characterId");
		assertRefused(http.patch("/dialogues/" + block, "{\"text\": null, \"extension\": \"O.S.\"}"), "text");
		assertRefused(http.patch("/dialogues/" + block, "{\"dual\": null}"), "dual");
		Http.Response nullInside = http.patch("/dialogues/" + block, "{\"parentheticals\": [null]}");
		assertThat(nullInside.status()).as(nullInside.toString()).isEqualTo(400);
		assertThat(nullInside.json().get("errors").findValuesAsString("field").getFirst()).startsWith("parentheticals");
		Http.Response after = http.get("/dialogues/" + block);
		assertThat(after.json().get("extension").isNull()).as("nothing changed").isTrue();
		assertThat(after.json().get("characterName").asString()).as("nothing changed").isEqualTo("MAGGIE");
	}

	@Test
	void dialogueFountainWouldReadBackAsSomethingElseIsA400NamingTheField() {
		UUID scene = knownScene();
		UUID brick = knownCharacter("BRICK");
		String blocks = "/scenes/" + scene + "/dialogues";
		String speaker = "{\"characterId\": \"" + brick + "\", ";
		assertRefused(http.post(blocks, speaker + "\"text\": \"(aside)\"}"), "text");
		assertRefused(http.post(blocks, speaker + "\"text\": \" Hi.\"}"), "text");
		assertRefused(http.post(blocks, speaker + "\"text\": \"Hi.\", \"extension\": \"V.O.\\nX\"}"), "extension");
		assertRefused(
				http.post(blocks,
						speaker + "\"text\": \"Hi.\", "
								+ "\"parentheticals\": [{\"text\": \"beat\\nthen\", \"beforeLine\": 0}]}"),
				"parentheticals[0].text");
		assertThat(bed.rows("dialogue", script)).as("nothing written").isZero();

		UUID block = dialogue(scene, brick, "Hi.", "");
		assertRefused(http.patch("/dialogues/" + block, "{\"text\": \"Hi.\\n(beat)\\nBye.\"}"), "text");
		assertThat(http.get("/dialogues/" + block).json().get("text").asString()).isEqualTo("Hi.");
	}

	@Test
	void deletingACharacterRemovesExactlyItsDialogue() {
		UUID scene = knownScene();
		UUID brick = knownCharacter("BRICK");
		UUID maggie = knownCharacter("MAGGIE");
		UUID his = dialogue(scene, brick, "Go away.", "");
		UUID hers = dialogue(scene, maggie, "I'm not living with you.", "");

		bed.send(Topic.CHARACTER, UpstreamEvents.characterDeleted(script, brick));

		await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/dialogues/" + his).status() == 404);
		assertThat(http.get("/dialogues/" + hers).status()).isEqualTo(200);
		try (TopicReader reader = new TopicReader(Topic.DIALOGUE.topicName())) {
			await().atMost(Duration.ofSeconds(20)).until(() -> deletedBlocks(reader).contains(his));
			assertThat(deletedBlocks(reader)).doesNotContain(hers);
		}
	}

	@Test
	void deletingASceneDeletesItsDialogueAndNothingIsCreatedUnderItAfterwards() {
		UUID scene = knownScene();
		UUID brick = knownCharacter("BRICK");
		UUID block = dialogue(scene, brick, "Hello.", "");

		bed.send(Topic.SCENE, UpstreamEvents.sceneDeleted(script, UUID.randomUUID(), scene));

		await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/dialogues/" + block).status() == 404);
		assertThat(
				http.post("/scenes/" + scene + "/dialogues", "{\"characterId\": \"" + brick + "\", \"text\": \"Hi.\"}")
					.status())
			.isEqualTo(404);
	}

	@Test
	void aBlockWhoseSceneAndCharacterAreDeletedAtOnceIsAnnouncedDeletedOnce() {
		for (int round = 0; round < 5; round++) {
			UUID scene = knownScene();
			UUID brick = knownCharacter("BRICK");
			List<UUID> blocks = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				blocks.add(dialogue(scene, brick, "Line " + i, ""));
			}

			bed.send(Topic.SCENE, UpstreamEvents.sceneDeleted(script, UUID.randomUUID(), scene));
			bed.send(Topic.CHARACTER, UpstreamEvents.characterDeleted(script, brick));

			await().atMost(Duration.ofSeconds(20)).until(() -> spokenBy(brick) == 0);
			try (TopicReader reader = new TopicReader(Topic.DIALOGUE.topicName())) {
				await().atMost(Duration.ofSeconds(20)).until(() -> deletedBlocks(reader).containsAll(blocks));
				assertThat(deletedBlocks(reader).stream().filter(blocks::contains)).hasSize(blocks.size());
			}
		}
	}

	@Test
	void aDeletionThatArrivesBeforeTheCreationLeavesTheCharacterDeleted() {
		UUID scene = knownScene();
		UUID ghost = UUID.randomUUID();
		bed.send(Topic.CHARACTER, UpstreamEvents.characterDeleted(script, ghost));
		bed.send(Topic.CHARACTER, UpstreamEvents.characterCreated(script, ghost, "GHOST"));
		await().atMost(Duration.ofSeconds(20)).until(() -> known("character", ghost));

		Http.Response refused = http.post("/scenes/" + scene + "/dialogues",
				"{\"characterId\": \"" + ghost + "\", \"text\": \"Boo.\"}");

		assertThat(refused.status()).isEqualTo(404);
	}

	private UUID knownScene() {
		UUID scene = UUID.randomUUID();
		return bed.learn(Topic.SCENE, UpstreamEvents.sceneCreated(script, UUID.randomUUID(), scene), "scene", scene);
	}

	private UUID knownCharacter(String name) {
		UUID character = UUID.randomUUID();
		return bed.learn(Topic.CHARACTER, UpstreamEvents.characterCreated(script, character, name), "character",
				character);
	}

	private boolean known(String kind, UUID id) {
		return bed.knows(kind, id);
	}

	private UUID dialogue(UUID scene, UUID character, String text, String more) {
		return ServiceTestBed.created(http.post("/scenes/" + scene + "/dialogues",
				"{\"characterId\": \"" + character + "\", \"text\": \"" + text + "\"" + more + "}"));
	}

	private List<String> spoken(UUID scene, String query) {
		Http.Response page = http.get("/scenes/" + scene + "/dialogues" + query);
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		return page.json().get("items").findValuesAsString("text");
	}

	private static void assertRefused(Http.Response response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").findValuesAsString("field")).as(response.toString())
			.containsExactly(field);
	}

	/** The two answers differ in nothing but the id each names. */
	private static void assertSameAnswer(Http.Response one, UUID oneId, Http.Response other, UUID otherId) {
		assertThat(one.status()).isEqualTo(other.status());
		assertThat(one.contentType()).isEqualTo(other.contentType());
		assertThat(one.body().replace(oneId.toString(), "{id}"))
			.isEqualTo(other.body().replace(otherId.toString(), "{id}"));
	}

	private int spokenBy(UUID character) {
		return jdbc.queryForObject("SELECT count(*) FROM dialogue WHERE character_id = ?", Integer.class, character);
	}

	private List<UUID> deletedBlocks(TopicReader reader) {
		return bed.events(reader, DialogueEvent.class, script)
			.stream()
			.filter(e -> e.getPayload() instanceof DialogueDeleted)
			.map(DialogueEvent::getDialogueId)
			.toList();
	}

}
