package io.fountain.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.fountain.eventing.test.DeletionRace;
import io.fountain.eventing.test.ServiceIntegrationTest;
import io.fountain.eventing.test.ServiceTestBed;
import io.fountain.eventing.test.UpstreamEvents;
import io.fountain.events.Topic;
import io.fountain.events.dialogue.v1.DialogueCreated;
import io.fountain.events.dialogue.v1.DialogueDeleted;
import io.fountain.events.dialogue.v1.DialogueEvent;
import io.fountain.testing.Http;
import io.fountain.testing.TopicReader;

class DialogueServiceIntegrationTests extends ServiceIntegrationTest {

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		environment(registry, "dialogue", "scene", "character");
	}

	private final UUID script = UUID.randomUUID();

	@Test
	void aBlockReadsBackWithItsParentheticalsAndItsCharactersCurrentName() {
		UUID scene = knownScene();
		UUID brick = knownCharacter("BRICK");
		UUID block = dialogue(scene, brick, "Mendacity.\\nThat's the system.", ", \"extension\": \"V.O.\", "
				+ "\"parentheticals\": [{\"text\": \"(beat)\", \"beforeLine\": 1}]");

		Http.Response read = http.get("/dialogues/" + block);
		assertThat(read.json().get("characterName").asString()).isEqualTo("BRICK");
		assertThat(read.json().get("extension").asString()).isEqualTo("V.O.");
		assertThat(read.json().at("/parentheticals/0/text").asString()).isEqualTo("(beat)");

		bed.send(Topic.CHARACTER, UpstreamEvents.characterRenamed(script, brick, "BRICK POLLITT"));
		await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/scenes/" + scene + "/dialogues").json()
			.findValuesAsString("characterName").equals(List.of("BRICK POLLITT")));

		try (TopicReader reader = new TopicReader(Topic.DIALOGUE.topicName())) {
			await().atMost(Duration.ofSeconds(20)).until(() -> reader.keyed(script).stream()
				.map(r -> codec.decode(r.value(), DialogueEvent.class))
				.anyMatch(e -> e.getPayload() instanceof DialogueCreated created && e.getDialogueId().equals(block)
						&& e.getCharacterId().equals(brick) && created.getParentheticals().size() == 1));
		}
	}

	@Test
	void aCharacterOfAnotherScriptCannotSpeakHereAndAParentheticalMustFitItsLines() {
		UUID scene = knownScene();
		UUID stranger = UUID.randomUUID();
		bed.send(Topic.CHARACTER, UpstreamEvents.characterCreated(UUID.randomUUID(), stranger, "STRANGER"));
		await().atMost(Duration.ofSeconds(20)).until(() -> known("character", stranger));

		Http.Response refused = http.post("/scenes/" + scene + "/dialogues",
				"{\"characterId\": \"" + stranger + "\", \"text\": \"Hi.\"}");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").findValuesAsString("field")).contains("characterId");

		Http.Response misplaced = http.post("/scenes/" + scene + "/dialogues", "{\"characterId\": \""
				+ knownCharacter("MAGGIE") + "\", \"text\": \"One line.\", \"parentheticals\": [{\"text\": \"(beat)\", \"beforeLine\": 5}]}");
		assertThat(misplaced.status()).isEqualTo(400);
		assertThat(misplaced.json().get("errors").findValuesAsString("field")).contains("parentheticals[0].beforeLine");
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
		assertThat(http.post("/scenes/" + scene + "/dialogues", "{\"characterId\": \"" + brick + "\", \"text\": \"Hi.\"}")
			.status()).isEqualTo(404);
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
	void dialogueAddedWhileItsCharacterIsBeingDeletedEndsDeleted() throws Exception {
		UUID scene = knownScene();
		UUID brick = knownCharacter("BRICK");
		DeletionRace.run(
				() -> http.post("/scenes/" + scene + "/dialogues",
						"{\"characterId\": \"" + brick + "\", \"text\": \"Again.\"}").status(),
				() -> bed.send(Topic.CHARACTER, UpstreamEvents.characterDeleted(script, brick)));
		await().atMost(Duration.ofSeconds(20)).until(() -> spokenBy(brick) == 0);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> spokenBy(brick) == 0);
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

	private int spokenBy(UUID character) {
		return jdbc.queryForObject("SELECT count(*) FROM dialogue WHERE character_id = ?", Integer.class, character);
	}

	private List<UUID> deletedBlocks(TopicReader reader) {
		return bed.events(reader, DialogueEvent.class, script).stream()
			.filter(e -> e.getPayload() instanceof DialogueDeleted).map(DialogueEvent::getDialogueId).toList();
	}
}
