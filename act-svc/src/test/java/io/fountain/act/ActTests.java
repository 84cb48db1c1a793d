package io.fountain.act;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.fountain.parents.DeletionCause;

class ActTests {

	private final UUID script = UUID.randomUUID();

	@Test
	void aMoveAnnouncesTheNewPlaceAndOnlyWhatChanged() {
		Act act = Act.create(script, 2, "Two");

		ActUpdated moved = act.moveTo(1).orElseThrow();

		assertThat(moved.changed()).containsExactly("ordinal");
		assertThat(moved.ordinal()).isEqualTo(1);
		assertThat(moved.title()).isEqualTo("Two");
	}

	@Test
	void retitlingToTheSameTitleOrMovingToTheSamePlaceAnnouncesNothing() {
		Act act = Act.create(script, 1, "One");

		assertThat(act.retitle("One")).isEmpty();
		assertThat(act.moveTo(1)).isEmpty();
	}

	@Test
	void clearingTheTitleIsAChange() {
		Act act = Act.create(script, 1, "One");

		assertThat(act.retitle(null))
			.hasValueSatisfying(changed -> assertThat(changed.changed()).containsExactly("title"));
	}

	@Test
	void aDeletionSaysWhy() {
		Act act = Act.create(script, 1, null);

		assertThat(act.deleted(DeletionCause.CASCADE))
			.isEqualTo(new ActDeleted(act.id(), script, DeletionCause.CASCADE));
	}

}
