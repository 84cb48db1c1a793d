package io.fountain.parents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.fountain.events.act.v1.ActCreated;
import io.fountain.events.act.v1.ActEvent;
import io.fountain.events.act.v1.ActUpdated;
import io.fountain.events.character.v1.CharacterEvent;
import io.fountain.events.character.v1.CharacterUpdated;
import io.fountain.events.transition.v1.TransitionEvent;

/**
 * The published events, read for what they mean to children: the one place that knows
 * their payloads.
 */
class ParentEventTests {

	private final UUID script = UUID.randomUUID();

	private final UUID act = UUID.randomUUID();

	@Test
	void anImportedActsCreationCarriesItsImportAndARetitlingConcernsNoChild() {
		UUID importId = UUID.randomUUID();
		ActEvent created = act(
				ActCreated.newBuilder().setOrdinal(1).setTitle("One").setImportId(importId.toString()).build());

		assertThat(ParentEvent.of(ParentKind.ACT, created))
			.contains(new ParentEvent.Created(ParentKind.ACT, act, script, null, Optional.of(importId)));
		assertThat(ParentEvent.of(ParentKind.ACT,
				act(ActUpdated.newBuilder().setOrdinal(1).setTitle("Two").setChanged(List.of("title")).build())))
			.isEmpty();
	}

	@Test
	void aCharactersNewNameIsARenamingAndAnotherKindsEventIsRefused() {
		UUID character = UUID.randomUUID();
		CharacterEvent renamed = CharacterEvent.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(Instant.now())
			.setScriptId(script)
			.setCharacterId(character)
			.setCorrelationId("c")
			.setActor("ada")
			.setPayload(CharacterUpdated.newBuilder().setName("BOB").setChanged(List.of("name")).build())
			.build();

		assertThat(ParentEvent.of(ParentKind.CHARACTER, renamed))
			.contains(new ParentEvent.Renamed(ParentKind.CHARACTER, character, script, "BOB"));
		assertThatThrownBy(() -> ParentEvent.of(ParentKind.SCENE, new TransitionEvent()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("TransitionEvent");
	}

	private ActEvent act(Object payload) {
		return ActEvent.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(Instant.now())
			.setScriptId(script)
			.setActId(act)
			.setCorrelationId("c")
			.setActor("ada")
			.setPayload(payload)
			.build();
	}

}
