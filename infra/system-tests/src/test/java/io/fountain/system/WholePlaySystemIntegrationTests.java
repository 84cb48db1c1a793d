package io.fountain.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fountain.eventing.serde.AvroCodec;
import io.fountain.eventing.serde.SchemaRegistryClient;
import io.fountain.events.Topic;
import io.fountain.local.LocalStack;
import io.fountain.testing.Http;
import io.fountain.testing.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * A whole play built route by route through the edge, read back as one tree, and deleted
 * by choreography.
 */
class WholePlaySystemIntegrationTests {

	private static LocalStack stack;

	private static Http edge;

	private static ServiceDatabases databases;

	@BeforeAll
	static void startTheSystem() {
		stack = SystemUnderTest.stack();
		edge = new Http(stack.edgeUrl(), Map.of("Authorization", "Bearer " + stack.token("ada")));
		databases = new ServiceDatabases(stack);
	}

	@Test
	void aPlayBuiltRouteByRouteReadsBackCompleteAndInOrder() {
		PlayThroughEdge play = PlayThroughEdge.build(edge, "Cat on a Hot Tin Roof");
		// An action put between the first scene's action and its first dialogue block.
		JsonNode firstScene = play.tree().at("/acts/0/scenes/0/elements");
		edge.post("/scenes/" + play.scenes.get(0) + "/actions",
				"{\"text\": \"A pause.\", \"after\": \"" + firstScene.get(0).get("position").asString()
						+ "\", \"before\": \"" + firstScene.get(1).get("position").asString() + "\"}");

		JsonNode tree = play.tree();

		assertThat(tree.get("title").asString()).isEqualTo("Cat on a Hot Tin Roof");
		assertThat(tree.get("characters").findValuesAsString("name")).containsExactly("BIG DADDY", "BRICK", "MAGGIE");
		assertThat(tree.get("acts").findValuesAsString("title")).containsExactly("ACT 1", "ACT 2");
		assertThat(tree.at("/acts/1/scenes").findValuesAsString("heading")).containsExactly("INT. ROOM 2.1 - NIGHT",
				"INT. ROOM 2.2 - NIGHT");
		JsonNode elements = tree.at("/acts/0/scenes/0/elements");
		assertThat(elements.findValuesAsString("type")).containsExactly("action", "action", "dialogue", "dialogue",
				"transition");
		assertThat(elements.findValuesAsString("text").subList(0, 2)).containsExactly("Scene 1.1 begins.", "A pause.");
		assertThat(elements.get(2).get("characterName").asString()).isEqualTo("BRICK");
		assertThat(elements.get(2).at("/parentheticals/0/text").asString()).isEqualTo("beat");
		assertThat(elements.get(3).get("extension").asString()).isEqualTo("O.S.");
	}

	/**
	 * Issue 18: a parenthetical given without a place goes before the first line (the
	 * common case), and exports there.
	 */
	@Test
	void aParentheticalAddedWithoutAPlaceGoesBeforeTheFirstLine() {
		PlayThroughEdge play = PlayThroughEdge.build(edge, "Quietly");
		UUID block = play.dialogueOfFirstCharacter.get(0);
		Http.Response changed = edge.patch("/dialogues/" + block,
				"{\"parentheticals\": [{\"text\": \"quietly\"}, {\"text\": \"beat\", \"beforeLine\": 1}]}");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().at("/parentheticals/0/beforeLine").asInt()).isZero();

		String exported = edge.withHeaders(Map.of("Accept", "text/x-fountain")).get("/scripts/" + play.scriptId).body();
		assertThat(exported).contains("BRICK\n(quietly)\nLine one.\n(beat)\nLine two.\n");
	}

	@Test
	void renamingACharacterShowsWhereverItsDialogueIsRead() {
		PlayThroughEdge play = PlayThroughEdge.build(edge, "Renamed");
		assertThat(edge.patch("/characters/" + play.characters.get(0), "{\"name\": \"BRICK POLLITT\"}").status())
			.isEqualTo(200);

		await().atMost(Duration.ofSeconds(5))
			.until(() -> play.tree()
				.at("/acts/0/scenes/0/elements/1/characterName")
				.asString()
				.equals("BRICK POLLITT"));
		assertThat(
				edge.get("/dialogues/" + play.dialogueOfFirstCharacter.get(3)).json().get("characterName").asString())
			.isEqualTo("BRICK POLLITT");
	}

	@Test
	void deletingAScriptLeavesNothingOfThePlayInAnyServiceAndAnnouncesEveryDeletion() {
		PlayThroughEdge play = PlayThroughEdge.build(edge, "Doomed");
		assertThat(databases.rowsOf(play.scriptId)).isNotEmpty();

		assertThat(edge.delete("/scripts/" + play.scriptId).status()).isEqualTo(202);

		await().atMost(Duration.ofSeconds(5))
			.until(() -> play.allPaths().stream().allMatch(path -> edge.get(path).status() == 404));
		await().atMost(Duration.ofSeconds(5)).until(() -> databases.rowsOf(play.scriptId).isEmpty());
		AvroCodec codec = new AvroCodec(new SchemaRegistryClient(stack.registryUrl()));
		Map<Topic, Integer> expected = Map.of(Topic.SCRIPT, 1, Topic.ACT, 2, Topic.SCENE, 4, Topic.ACTION, 4,
				Topic.CHARACTER, 3, Topic.DIALOGUE, 8, Topic.TRANSITION, 4);
		expected.forEach((topic, count) -> {
			try (TopicReader reader = new TopicReader(topic.topicName(), stack.bootstrapServers())) {
				await().atMost(Duration.ofSeconds(20))
					.until(() -> deletions(reader, codec, topic, play.scriptId) >= count);
				assertThat(deletions(reader, codec, topic, play.scriptId)).as(topic.topicName())
					.isEqualTo(count.longValue());
			}
		});
	}

	@Test
	void deletingOneCharacterRemovesExactlyThatCharactersDialogue() {
		PlayThroughEdge play = PlayThroughEdge.build(edge, "One goes");
		List<String> othersDialogue = new ArrayList<>(play.elementPaths.stream()
			.filter(p -> p.startsWith("/dialogues/"))
			.filter(p -> play.dialogueOfFirstCharacter.stream().noneMatch(d -> p.endsWith(d.toString())))
			.toList());

		assertThat(edge.delete("/characters/" + play.characters.get(0)).status()).isEqualTo(204);

		await().atMost(Duration.ofSeconds(5))
			.until(() -> play.dialogueOfFirstCharacter.stream()
				.allMatch(d -> edge.get("/dialogues/" + d).status() == 404));
		List<String> rest = new ArrayList<>(play.allPaths());
		rest.remove("/characters/" + play.characters.get(0));
		play.dialogueOfFirstCharacter.forEach(d -> rest.remove("/dialogues/" + d));
		assertThat(rest).allSatisfy(path -> assertThat(edge.get(path).status()).as(path).isEqualTo(200));
		assertThat(othersDialogue).hasSize(4);
	}

	private static long deletions(TopicReader reader, AvroCodec codec, Topic topic, UUID scriptId) {
		return reader.keyed(scriptId)
			.stream()
			.map(r -> decode(codec, topic, r))
			.filter(payload -> payload.getClass().getSimpleName().endsWith("Deleted"))
			.count();
	}

	private static Object decode(AvroCodec codec, Topic topic, ConsumerRecord<String, byte[]> record) {
		var event = codec.decode(record.value(), topic.valueType());
		return event.get(event.getSchema().getField("payload").pos());
	}

}
