package io.fountain.transition;

import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import io.fountain.eventing.imports.ImportedParts;
import io.fountain.eventing.imports.Imports;

/** transition-svc's part of a play being imported: when a scene's creation arrives, its transitions. */
@Service
public class TransitionImport {

	private final Transitions transitions;

	private final Imports imports;

	private final ApplicationEventPublisher events;

	TransitionImport(Transitions transitions, Imports imports, ApplicationEventPublisher events) {
		this.transitions = transitions;
		this.imports = imports;
		this.events = events;
	}

	/** In the consumer's transaction, with the scene known. */
	public void sceneImported(UUID scriptId, UUID sceneId, UUID importId) {
		for (ImportedParts.Transition part : imports.toMake(scriptId, importId, TransitionManagement.SCENE, sceneId,
				ImportedParts.transitionsOf(sceneId), ImportedParts.Transition.class, "transition",
				all -> all.get(0).element().replaceAll("\\.elements.*", ""))) {
			if (transitions.findById(part.id()).isEmpty()) {
				Transition transition = new Transition(part.id(), scriptId, sceneId, part.text(), part.position());
				transitions.insert(transition);
				events.publishEvent(transition.created());
			}
		}
	}
}
