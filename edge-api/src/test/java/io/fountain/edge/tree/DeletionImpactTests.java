package io.fountain.edge.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.fountain.edge.tree.DeletionImpact.Deletable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Counting what a deletion takes, on a tree as the edge assembles it. */
class DeletionImpactTests {

	private static final UUID ACT_ONE = UUID.randomUUID();

	private static final UUID ACT_TWO = UUID.randomUUID();

	private static final UUID KITCHEN = UUID.randomUUID();

	private static final UUID GARDEN = UUID.randomUUID();

	private static final UUID ANNA = UUID.randomUUID();

	private static final UUID BORIS = UUID.randomUUID();

	/**
	 * Act one: the kitchen (an action, two of Anna's lines, one with two parentheticals,
	 * one of Boris's, a transition). Act two: the garden (one of Anna's lines, one
	 * parenthetical) and an empty scene.
	 */
	private static final JsonNode TREE = JsonMapper.builder()
		.build()
		.readTree("""
				{"id": "%s", "characters": [{"id": "%s"}, {"id": "%s"}, {"id": "%s"}],
				 "acts": [
				  {"id": "%s", "scenes": [{"id": "%s", "elements": [
				    {"type": "action"},
				    {"type": "dialogue", "characterId": "%s", "parentheticals": [{}, {}]},
				    {"type": "dialogue", "characterId": "%s", "parentheticals": []},
				    {"type": "dialogue", "characterId": "%s", "parentheticals": []},
				    {"type": "transition"}]}]},
				  {"id": "%s", "scenes": [
				    {"id": "%s", "elements": [{"type": "dialogue", "characterId": "%s", "parentheticals": [{}]}]},
				    {"id": "%s", "elements": []}]}]}
				""".formatted(UUID.randomUUID(), ANNA, BORIS, UUID.randomUUID(), ACT_ONE, KITCHEN, ANNA, ANNA, BORIS,
				ACT_TWO, GARDEN, ANNA, UUID.randomUUID()));

	@Test
	void aScriptTakesEverythingInIt() {
		assertThat(DeletionImpact.of(TREE, Deletable.SCRIPT, UUID.randomUUID()))
			.containsExactlyEntriesOf(counts("script", 1, "act", 2, "scene", 3, "action", 1, "dialogue", 4,
					"parenthetical", 3, "transition", 1, "character", 3));
	}

	@Test
	void anActTakesItsScenesAndTheirElementsAndNothingOfAnotherAct() {
		assertThat(DeletionImpact.of(TREE, Deletable.ACT, ACT_TWO)).containsExactlyEntriesOf(
				counts("act", 1, "scene", 2, "action", 0, "dialogue", 1, "parenthetical", 1, "transition", 0));
	}

	@Test
	void aSceneTakesItsElements() {
		assertThat(DeletionImpact.of(TREE, Deletable.SCENE, KITCHEN)).containsExactlyEntriesOf(
				counts("scene", 1, "action", 1, "dialogue", 3, "parenthetical", 2, "transition", 1));
	}

	@Test
	void aCharacterTakesEveryLineItSpeaksWhereverItIs() {
		assertThat(DeletionImpact.of(TREE, Deletable.CHARACTER, ANNA))
			.containsExactlyEntriesOf(counts("character", 1, "dialogue", 3, "parenthetical", 3));
		assertThat(DeletionImpact.of(TREE, Deletable.CHARACTER, BORIS))
			.containsExactlyEntriesOf(counts("character", 1, "dialogue", 1, "parenthetical", 0));
	}

	private static Map<String, Integer> counts(Object... kindsAndCounts) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (int i = 0; i < kindsAndCounts.length; i += 2) {
			counts.put((String) kindsAndCounts[i], (Integer) kindsAndCounts[i + 1]);
		}
		return counts;
	}

}
