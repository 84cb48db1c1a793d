package io.fountain.parents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * A declaration says everything a parent's events do to a child kind, and refuses one
 * that would lose rows.
 */
class ChildKindTests {

	private final UUID script = UUID.randomUUID();

	private final UUID scene = UUID.randomUUID();

	private final List<String> done = new ArrayList<>();

	private ChildKind dialogueLike() {
		return ChildKind.inTable("dialogue")
			.under(ParentKind.SCENE, "scene_id",
					(parent, cause) -> done.add("children of " + parent.id() + " " + cause))
			.under(ParentKind.CHARACTER, "character_id", (parent, cause) -> done.add("lines of " + parent.id()))
			.whenScriptDeleted((id, cause) -> done.add("all of " + id + " " + cause))
			.whenCreated(ParentKind.SCRIPT, created -> done.add("import " + created.importId().orElseThrow()))
			.whenDeleted(ParentKind.SCENE, deleted -> done.add("gone " + deleted.id()))
			.build();
	}

	@Test
	void aParentsDeletionDeletesItsChildrenAsACascadeThenRunsWhatFollowsIt() {
		ChildKind kind = dialogueLike();

		kind.deleted(new ParentEvent.Deleted(ParentKind.SCENE, scene, script));

		assertThat(done).containsExactly("children of " + scene + " CASCADE", "gone " + scene);
	}

	@Test
	void theScriptsDeletionTakesEveryRowOfTheScriptAndAKindUnderTheScriptGoesThroughItsOwnDeletion() {
		dialogueLike().deleteAllOfScript(script, DeletionCause.CASCADE);
		ChildKind.inTable("act")
			.under(ParentKind.SCRIPT, "script_id", (parent, cause) -> done.add("acts of " + parent.id()))
			.build()
			.deleteAllOfScript(script, DeletionCause.CASCADE);

		assertThat(done).containsExactly("all of " + script + " CASCADE", "acts of " + script);
	}

	@Test
	void aCreationRunsOnlyTheHooksOfItsKind() {
		ChildKind kind = dialogueLike();
		UUID importId = UUID.randomUUID();

		kind.created(new ParentEvent.Created(ParentKind.SCRIPT, script, script, null, Optional.of(importId)));
		kind.created(new ParentEvent.Created(ParentKind.SCENE, scene, script, null, Optional.empty()));

		assertThat(done).containsExactly("import " + importId);
		assertThat(kind.followed()).containsExactly(ParentKind.SCRIPT, ParentKind.SCENE, ParentKind.CHARACTER);
	}

	@Test
	void aDeclarationWithoutAParentOrAWayToGoWithItsScriptOrWithAParentTwiceIsRefused() {
		assertThatThrownBy(() -> ChildKind.inTable("orphan").build()).hasMessageContaining("under no parent");
		assertThatThrownBy(() -> ChildKind.inTable("scene").under(ParentKind.ACT, "act_id", (parent, cause) -> {
		}).build()).hasMessageContaining("whenScriptDeleted");
		assertThatThrownBy(() -> ChildKind.inTable("scene").under(ParentKind.ACT, "act_id", (parent, cause) -> {
		}).under(ParentKind.ACT, "other_id", (parent, cause) -> {
		})).hasMessageContaining("twice");
		assertThatThrownBy(() -> ChildKind.inTable("act").whenDeleted(ParentKind.SCRIPT, deleted -> {
		})).hasMessageContaining("ScriptDeletion");
	}

}
