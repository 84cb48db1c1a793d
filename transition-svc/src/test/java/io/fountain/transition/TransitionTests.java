package io.fountain.transition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.fountain.parents.DeletionCause;

/**
 * What a transition says about itself in its events: what changed, and nothing when
 * nothing did.
 */
class TransitionTests {

	private final UUID script = UUID.randomUUID();

	private final UUID scene = UUID.randomUUID();

	@Test
	void itsCreationCarriesWhereItStands() {
		Transition transition = Transition.create(script, scene, "CUT TO:", "0000AV");

		assertThat(transition.created())
			.isEqualTo(new TransitionCreated(transition.id(), script, scene, "CUT TO:", "0000AV"));
	}

	@Test
	void aRevisionNamesExactlyTheFieldsThatChanged() {
		Transition transition = Transition.create(script, scene, "CUT TO:", "0000AV");

		assertThat(transition.revise("SMASH CUT TO:", "0000AV")).hasValueSatisfying(changed -> {
			assertThat(changed.text()).isEqualTo("SMASH CUT TO:");
			assertThat(changed.changed()).containsExactly("text");
		});
		assertThat(transition.revise("SMASH CUT TO:", "0000BV"))
			.hasValueSatisfying(changed -> assertThat(changed.changed()).containsExactly("position"));
		assertThat(transition.text()).isEqualTo("SMASH CUT TO:");
		assertThat(transition.position()).isEqualTo("0000BV");
	}

	@Test
	void aRevisionThatChangesNothingAnnouncesNothing() {
		Transition transition = Transition.create(script, scene, "CUT TO:", "0000AV");

		assertThat(transition.revise("CUT TO:", "0000AV")).isEmpty();
	}

	@Test
	void itsDeletionSaysWhy() {
		Transition transition = Transition.create(script, scene, "CUT TO:", "0000AV");

		assertThat(transition.deleted(DeletionCause.CASCADE))
			.isEqualTo(new TransitionDeleted(transition.id(), script, scene, DeletionCause.CASCADE));
	}

}
