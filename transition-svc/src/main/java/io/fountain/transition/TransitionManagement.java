package io.fountain.transition;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.fountain.imports.ClaimCheckParts;
import io.fountain.imports.ImportedParts;
import io.fountain.parents.DeletionCause;
import io.fountain.parents.KnownParents;
import io.fountain.parents.ParentKind;
import io.fountain.parents.Parents;
import io.fountain.positions.Position;
import io.fountain.problems.conditional.IfMatch;

/**
 * Commands on transitions, and this service's reactions to scenes' events. A change to a
 * scene's transitions holds the scene's row in the parent replica, so none survives the
 * scene's cascade.
 */
@Service
public class TransitionManagement {

	private static final Logger log = LoggerFactory.getLogger(TransitionManagement.class);

	private final Transitions transitions;

	private final Parents parents;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock = Clock.systemUTC();

	TransitionManagement(Transitions transitions, Parents parents, ApplicationEventPublisher events,
			TransactionTemplate transactions) {
		this.transitions = transitions;
		this.parents = parents;
		this.events = events;
		this.transactions = transactions;
	}

	/** Adds a transition to a scene, at the end or between the positions given. */
	public Transition create(UUID sceneId, String text, String after, String before) {
		parents.confirm(ParentKind.SCENE, sceneId);
		return transactions.execute(status -> {
			KnownParents.Parent scene = parents.known().lockLive(ParentKind.SCENE, sceneId);
			Transition transition = Transition.create(scene.scriptId(), sceneId, text, place(after, before));
			transitions.insert(transition);
			events.publishEvent(transition.created());
			return transition;
		});
	}

	/**
	 * Changes the text ({@code null}: unchanged) or moves it ({@code move}: between the
	 * positions).
	 */
	public Transition revise(UUID id, String text, boolean move, String after, String before, IfMatch ifMatch) {
		return transactions.execute(status -> {
			Transition transition = locked(id);
			ifMatch.require(Transition.class, transition.version());
			transition
				.revise(text == null ? transition.text() : text, move ? place(after, before) : transition.position())
				.ifPresent(changed -> {
					transitions.update(transition);
					events.publishEvent(changed);
				});
			return transition;
		});
	}

	public void delete(UUID id, IfMatch ifMatch) {
		transactions.executeWithoutResult(status -> {
			Transition transition = locked(id);
			ifMatch.require(Transition.class, transition.version());
			transitions.delete(transition);
			events.publishEvent(transition.deleted(DeletionCause.REQUESTED));
		});
	}

	/**
	 * {@code limit} transitions of a scene in order, from {@code offset}; the scene must
	 * exist and not be deleted.
	 */
	public List<Transition> transitionsOf(UUID sceneId, int offset, int limit) {
		parents.requireLive(ParentKind.SCENE, sceneId);
		return transitions.findByScene(sceneId, offset, limit);
	}

	/** Deletes a scene's transitions, each announced, in the caller's transaction. */
	public void deleteTransitionsOf(UUID sceneId, DeletionCause cause) {
		List<Transition> deleted = transitions.deleteAllOfScene(sceneId);
		deleted.forEach(transition -> events.publishEvent(transition.deleted(cause)));
		log.debug("Scene {} deleted: deleted its {} transition(s)", sceneId, deleted.size());
	}

	/**
	 * Deletes all the script's transitions at once, each announced, in the caller's
	 * transaction.
	 */
	public void deleteAllOfScript(UUID scriptId, DeletionCause cause) {
		List<Transition> deleted = transitions.deleteAllOfScript(scriptId);
		deleted.forEach(transition -> events.publishEvent(transition.deleted(cause)));
		log.debug("Script {} deleted: deleted its {} transition(s)", scriptId, deleted.size());
	}

	private Transition locked(UUID id) {
		Transition transition = transitions.findById(id).orElseThrow(() -> new TransitionNotFound(id));
		parents.known().lockLive(ParentKind.SCENE, transition.sceneId());
		return transitions.findById(id).orElseThrow(() -> new TransitionNotFound(id));
	}

	private String place(String after, String before) {
		return before == null ? Position.atEnd(clock.instant(), after) : Position.between(after, before);
	}

	/**
	 * Makes an imported play's transitions, as the import lists them (ids included, so a
	 * replay makes nothing twice). In the consumer's transaction, with their scenes held
	 * live.
	 */
	public void makeImported(ImportedParts<ClaimCheckParts.Transition> imported) {
		imported.byParent().forEach((sceneId, parts) -> {
			for (ClaimCheckParts.Transition part : parts) {
				if (transitions.findById(part.id()).isEmpty()) {
					Transition transition = new Transition(part.id(), imported.scriptId(), sceneId, part.text(),
							part.position());
					transitions.insert(transition);
					events.publishEvent(transition.created());
				}
			}
		});
	}

}
