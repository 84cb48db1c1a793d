package io.fountain.transition;

import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import io.fountain.imports.ClaimCheckParts;
import io.fountain.imports.ImportStep;
import io.fountain.imports.PartKind;
import io.fountain.parents.ParentKind;

/**
 * transition-svc's part of a play being imported: when the script's creation arrives,
 * every scene's transitions.
 */
@Service
public class TransitionImport {

	private final Transitions transitions;

	private final ImportStep imports;

	private final ApplicationEventPublisher events;

	TransitionImport(Transitions transitions, ImportStep imports, ApplicationEventPublisher events) {
		this.transitions = transitions;
		this.imports = imports;
		this.events = events;
	}

	/**
	 * The script of a play being imported was created: every scene's transitions, at
	 * once, with the scenes learnt from the play's parts instead of waiting for their own
	 * creations (ADR 13). In the consumer's transaction.
	 */
	public void scriptImported(UUID scriptId, UUID importId) {
		for (UUID sceneId : imports.learnParents(scriptId, importId, ParentKind.SCENE, ClaimCheckParts.allTransitions(),
				ClaimCheckParts.Transition.class)) {
			sceneImported(scriptId, sceneId, importId);
		}
	}

	/**
	 * A scene of a play being imported was created: its transitions, made already when
	 * the script's creation came first. In the consumer's transaction, with the scene
	 * known.
	 */
	public void sceneImported(UUID scriptId, UUID sceneId, UUID importId) {
		for (ClaimCheckParts.Transition part : imports.toMake(scriptId, importId, ParentKind.SCENE, sceneId,
				ClaimCheckParts.transitionsOf(sceneId), ClaimCheckParts.Transition.class, PartKind.TRANSITION,
				all -> all.get(0).element().replaceAll("\\.elements.*", ""))) {
			if (transitions.findById(part.id()).isEmpty()) {
				Transition transition = new Transition(part.id(), scriptId, sceneId, part.text(), part.position());
				transitions.insert(transition);
				events.publishEvent(transition.created());
			}
		}
	}

}
