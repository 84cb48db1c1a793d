package io.fountain.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** When a refused write counts as having changed something. */
class WitnessTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Witness.Look TREE = new Witness.Look("/scripts/1/tree", true);

	private static final Witness.Look ACT = new Witness.Look("/acts/2", false);

	@Test
	void aListChangesWhenANewIdIsInItNotWhenOneIsGone() {
		Witness.Snapshot before = snapshot("{\"acts\":[{\"id\":\"a\"},{\"id\":\"b\"}]}", "a", "b");

		assertThat(Witness.change(TREE, before, snapshot("{\"acts\":[{\"id\":\"a\"}]}", "a"))).isEmpty();
		assertThat(Witness.change(TREE, before, snapshot("{}", "a", "b", "c")))
			.hasValueSatisfying(change -> assertThat(change).contains("new in /scripts/1/tree: [c]"));
	}

	@Test
	void anEntityChangesWhenAnythingInItDoes() {
		Witness.Snapshot before = snapshot("{\"id\":\"2\",\"title\":\"One\"}", "2");

		assertThat(Witness.change(ACT, before, snapshot("{\"title\":\"One\",\"id\":\"2\"}", "2"))).isEmpty();
		assertThat(Witness.change(ACT, before, snapshot("{\"id\":\"2\",\"title\":\"FUZZ\"}", "2")))
			.hasValue("/acts/2 changed: title: \"One\" -> \"FUZZ\"");
		assertThat(Witness.change(ACT, before, new Witness.Snapshot(404, null, Set.of())))
			.hasValue("/acts/2 answered 200, now 404");
	}

	@Test
	void anotherEntitysNameCopiedInIsNotTheEntitysOwn() {
		Witness.Snapshot before = snapshot("{\"id\":\"3\",\"characterId\":\"4\",\"characterName\":\"ANN\"}", "3");

		assertThat(Witness.change(ACT, before,
				snapshot("{\"id\":\"3\",\"characterId\":\"4\",\"characterName\":\"BOB\"}", "3")))
			.isEmpty();
		assertThat(Witness.change(ACT, before,
				snapshot("{\"id\":\"3\",\"characterId\":\"5\",\"characterName\":\"BOB\"}", "3")))
			.hasValue("/acts/2 changed: characterId: \"4\" -> \"5\"");
	}

	@Test
	void aWriteIsWatchedWhereItsEffectWouldShow() {
		ApiDocument document = SampleApi.document();
		Witness witness = new Witness(null, document, "/scripts/1/tree", "/scripts?page=0&size=20");

		assertThat(look(witness, "POST /scripts (application/json)"))
			.hasValue(new Witness.Look("/scripts?page=0&size=20", true));
		assertThat(look(witness, "POST /scenes/{sceneId}/dialogues (application/json)")).hasValue(TREE);
		assertThat(look(witness, "PATCH /scripts/{id} (application/json)"))
			.hasValue(new Witness.Look("/scripts/" + SampleApi.PLAY.get("script"), false));
		assertThat(look(witness, "PUT /scripts/{id}/collaborators/{userId} (application/json)"))
			.hasValue(new Witness.Look("/scripts/" + SampleApi.PLAY.get("script") + "/collaborators", false));
		assertThat(look(witness, "GET /scripts/{id}")).isEmpty();
	}

	private static Optional<Witness.Look> look(Witness witness, String operation) {
		return witness.lookFor(SampleApi.operation(operation), SampleApi.valid(operation).request());
	}

	private static Witness.Snapshot snapshot(String json, String... ids) {
		return new Witness.Snapshot(200, JSON.readTree(json), Set.of(ids));
	}

}
