package io.fountain.transition;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import io.fountain.eventing.imports.ImportParts;
import io.fountain.eventing.imports.ImportRejections;
import io.fountain.eventing.imports.ImportSettings;
import io.fountain.eventing.imports.ImportedParts;
import io.fountain.eventing.parents.Parents;

/**
 * transition-svc's part of a play being imported: when a scene's creation arrives, its transitions, as the import
 * lists them. More transitions in a scene than the limit is a rejection: the play fails.
 */
@Service
public class TransitionImport {

	private final Transitions transitions;

	private final Parents parents;

	private final ImportParts parts;

	private final ImportRejections rejections;

	private final ImportSettings settings;

	private final ApplicationEventPublisher events;

	TransitionImport(Transitions transitions, Parents parents, ImportParts parts, ImportRejections rejections,
			ImportSettings settings, ApplicationEventPublisher events) {
		this.transitions = transitions;
		this.parents = parents;
		this.parts = parts;
		this.rejections = rejections;
		this.settings = settings;
		this.events = events;
	}

	/** In the consumer's transaction, with the scene known. */
	public void sceneImported(UUID scriptId, UUID sceneId, UUID importId) {
		if (parents.known().lockIfLive(TransitionManagement.SCENE, sceneId).isEmpty()) {
			return; // deleted already: its play failed or was deleted before we got here
		}
		Optional<List<ImportedParts.Transition>> imported = parts.read(importId, ImportedParts.transitionsOf(sceneId),
				ImportedParts.Transition.class);
		if (imported.isEmpty()) {
			return;
		}
		if (imported.get().size() > settings.maxPerParent()) {
			rejections.reject(scriptId, importId, "transition", imported.get().get(0).element(), "the scene has "
					+ imported.get().size() + " transitions; at most " + settings.maxPerParent() + " are allowed");
			return;
		}
		for (ImportedParts.Transition part : imported.get()) {
			if (transitions.findById(part.id()).isEmpty()) {
				Transition transition = new Transition(part.id(), scriptId, sceneId, part.text(), part.position());
				transitions.insert(transition);
				events.publishEvent(transition.created());
			}
		}
	}
}
