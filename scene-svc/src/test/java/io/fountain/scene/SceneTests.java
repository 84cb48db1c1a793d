package io.fountain.scene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class SceneTests {

	private final UUID script = UUID.randomUUID();

	private final UUID act = UUID.randomUUID();

	@Test
	void movingToAnotherActSaysWhereItCameFrom() {
		Scene scene = Scene.create(script, act, "INT. HOUSE - DAY", null, null, 2);
		UUID other = UUID.randomUUID();

		SceneUpdated moved = scene.moveTo(other, 1).orElseThrow();

		assertThat(moved.previousActId()).isEqualTo(act);
		assertThat(moved.actId()).isEqualTo(other);
		assertThat(moved.changed()).containsExactly("actId", "ordinal");
	}

	@Test
	void aMoveWithinTheActHasNoPreviousAct() {
		Scene scene = Scene.create(script, act, "EXT. RIVER - NIGHT", "1A", null, 2);

		assertThat(scene.moveTo(act, 3).orElseThrow().previousActId()).isNull();
		assertThat(scene.describe("EXT. RIVER - NIGHT", "1A", null)).isEmpty();
	}

	@Test
	void anActionRevisionNamesWhatChanged() {
		Action action = Action.create(script, UUID.randomUUID(), "He runs.", Action.Kind.PLAIN, "V");

		assertThat(action.revise("He runs.", Action.Kind.CENTERED, "W").orElseThrow().changed()).containsExactly("kind",
				"position");
	}

}
