package io.fountain.scene;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.fountain.imports.ClaimCheckParts;
import io.fountain.imports.ImportedParts;
import io.fountain.imports.PartKind;
import io.fountain.parents.DeletionCause;
import io.fountain.parents.KnownParents;
import io.fountain.parents.ParentKind;
import io.fountain.parents.Parents;
import io.fountain.positions.Position;
import io.fountain.problems.conditional.IfMatch;

/**
 * Commands on scenes and their actions, and this service's reactions to acts' events. A
 * change to an act's scenes holds the act's row in the parent replica; a change to a
 * scene's actions holds the scene's row. A scene is never created under an act known to
 * be deleted, and one created during the act's cascade is deleted by it.
 */
@Service
public class SceneManagement {

	private static final Logger log = LoggerFactory.getLogger(SceneManagement.class);

	private final Scenes scenes;

	private final Actions actions;

	private final Parents parents;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock = Clock.systemUTC();

	SceneManagement(Scenes scenes, Actions actions, Parents parents, ApplicationEventPublisher events,
			TransactionTemplate transactions) {
		this.scenes = scenes;
		this.actions = actions;
		this.parents = parents;
		this.events = events;
		this.transactions = transactions;
	}

	/**
	 * Adds a scene to an act at {@code ordinal} (1-based; {@code null}: after the last).
	 */
	public Scene create(UUID actId, String heading, String sceneNumber, String synopsis, Integer ordinal) {
		parents.confirm(ParentKind.ACT, actId);
		return transactions.execute(status -> {
			KnownParents.Parent act = parents.known().lockLive(ParentKind.ACT, actId);
			List<Scene> siblings = scenes.findByAct(actId);
			int place = ordinal == null ? siblings.size() + 1 : Math.clamp(ordinal, 1, siblings.size() + 1);
			siblings.stream()
				.filter(s -> s.ordinal() >= place)
				.forEach(s -> s.moveTo(actId, s.ordinal() + 1).ifPresent(changed -> save(s, changed)));
			Scene scene = Scene.create(act.scriptId(), actId, heading, sceneNumber, synopsis, place);
			scenes.insert(scene);
			events.publishEvent(scene.created());
			return scene;
		});
	}

	/**
	 * Applies a revision in one transaction: the description is merged with the scene as
	 * it is under lock (so two revisions of different fields both take), and a move and a
	 * new heading are taken or refused together.
	 */
	public Scene revise(UUID sceneId, SceneRevision revision, IfMatch ifMatch) {
		if (revision.actId() != null) {
			parents.confirm(ParentKind.ACT, revision.actId()); // may ask act-svc: before
																// the transaction, not
																// inside it
		}
		return transactions.execute(status -> {
			Scene scene = lockedScene(sceneId, revision.actId());
			ifMatch.require(Scene.class, scene.version());
			if (revision.describes()) {
				scene
					.describe(revision.heading() != null ? revision.heading() : scene.heading(),
							revision.renumbers() ? revision.sceneNumber() : scene.sceneNumber(),
							revision.resummarizes() ? revision.synopsis() : scene.synopsis())
					.ifPresent(changed -> save(scene, changed));
			}
			if (revision.moves()) {
				move(scene, revision.actId() == null ? scene.actId() : revision.actId(), revision.ordinal());
			}
			return scene;
		});
	}

	/**
	 * Moves a locked scene to {@code ordinal} in {@code target} (its own act or another
	 * of its script, locked).
	 */
	private void move(Scene scene, UUID target, Integer ordinal) {
		if (!parents.known().lockLive(ParentKind.ACT, target).scriptId().equals(scene.scriptId())) {
			throw new ActOfAnotherScript(target);
		}
		UUID from = scene.actId();
		int oldPlace = scene.ordinal();
		List<Scene> destination = scenes.findByAct(target).stream().filter(s -> !s.id().equals(scene.id())).toList();
		int place = ordinal == null ? (target.equals(from) ? oldPlace : destination.size() + 1)
				: Math.clamp(ordinal, 1, destination.size() + 1);
		if (!target.equals(from)) {
			scenes.findByAct(from)
				.stream()
				.filter(s -> s.ordinal() > oldPlace)
				.forEach(s -> s.moveTo(from, s.ordinal() - 1).ifPresent(changed -> save(s, changed)));
		}
		// Renumber the destination around the scene's new place.
		int next = 1;
		for (Scene sibling : destination) {
			if (next == place) {
				next++;
			}
			int n = next++;
			sibling.moveTo(target, n).ifPresent(changed -> save(sibling, changed));
		}
		scene.moveTo(target, place).ifPresent(changed -> save(scene, changed));
	}

	public void delete(UUID sceneId, IfMatch ifMatch) {
		transactions.executeWithoutResult(status -> {
			Scene scene = lockedScene(sceneId);
			ifMatch.require(Scene.class, scene.version());
			deleteWithActions(List.of(scene), DeletionCause.REQUESTED);
			scenes.findByAct(scene.actId())
				.stream()
				.filter(s -> s.ordinal() > scene.ordinal())
				.forEach(s -> s.moveTo(s.actId(), s.ordinal() - 1).ifPresent(changed -> save(s, changed)));
		});
	}

	/**
	 * {@code limit} scenes of an act in order, from {@code offset}; the act must exist
	 * and not be deleted.
	 */
	public List<Scene> scenesOf(UUID actId, int offset, int limit) {
		parents.requireLive(ParentKind.ACT, actId);
		return scenes.findByAct(actId, offset, limit);
	}

	/**
	 * Adds an action to a scene, at the end or between the positions given.
	 * @throws InvalidActionText when Fountain could not write the text as that kind of
	 * action
	 */
	public Action addAction(UUID sceneId, String text, Action.Kind kind, String after, String before) {
		Action.fountainProblem(text, kind).ifPresent(problem -> {
			throw new InvalidActionText("text", problem);
		});
		return transactions.execute(status -> {
			Scene scene = lockedScene(sceneId);
			Action action = Action.create(scene.scriptId(), sceneId, text, kind, place(after, before));
			actions.insert(action);
			events.publishEvent(action.created());
			return action;
		});
	}

	/**
	 * Changes an action's text or kind ({@code null}: unchanged), or moves it
	 * ({@code move}: between the positions). The text is checked with the kind it will
	 * have, whichever of the two changes.
	 * @throws InvalidActionText when Fountain could not write the new text or kind
	 */
	public Action reviseAction(UUID actionId, String text, Action.Kind kind, boolean move, String after, String before,
			IfMatch ifMatch) {
		return transactions.execute(status -> {
			Action found = actions.findById(actionId).orElseThrow(() -> new ActionNotFound(actionId));
			lockedScene(found.sceneId());
			Action action = actions.findById(actionId).orElseThrow(() -> new ActionNotFound(actionId));
			ifMatch.require(Action.class, action.version());
			String newText = text == null ? action.text() : text;
			Action.Kind newKind = kind == null ? action.kind() : kind;
			if (text != null || kind != null) {
				Action.fountainProblem(newText, newKind).ifPresent(problem -> {
					throw new InvalidActionText(text != null ? "text" : "kind", problem);
				});
			}
			String position = move ? place(after, before) : action.position();
			action.revise(newText, newKind, position).ifPresent(changed -> {
				actions.update(action);
				events.publishEvent(changed);
			});
			return action;
		});
	}

	public void deleteAction(UUID actionId, IfMatch ifMatch) {
		transactions.executeWithoutResult(status -> {
			Action found = actions.findById(actionId).orElseThrow(() -> new ActionNotFound(actionId));
			lockedScene(found.sceneId());
			actions.findById(actionId).ifPresent(action -> {
				ifMatch.require(Action.class, action.version());
				actions.delete(action);
				events.publishEvent(action.deleted(DeletionCause.REQUESTED));
			});
		});
	}

	/** {@code limit} actions of a scene in order, from {@code offset}. */
	public List<Action> actionsOf(UUID sceneId, int offset, int limit) {
		scenes.findById(sceneId).orElseThrow(() -> new SceneNotFound(sceneId));
		return actions.findByScene(sceneId, offset, limit);
	}

	/**
	 * Deletes the scenes of an act and their actions, each announced, in the caller's
	 * transaction (the act's deletion, or reconciliation's).
	 */
	public void deleteScenesOf(UUID actId, DeletionCause cause) {
		List<Scene> deleted = scenes.deleteAllOfAct(actId);
		announceDeletion(deleted, cause);
		log.info("Act {} deleted: deleted its {} scene(s)", actId, deleted.size());
	}

	/**
	 * Deletes all the script's scenes and actions at once, each announced (scenes first:
	 * they are what other services follow), in the caller's transaction.
	 */
	public void deleteAllOfScript(UUID scriptId, DeletionCause cause) {
		List<Scene> deletedScenes = scenes.deleteAllOfScript(scriptId);
		List<Action> deletedActions = actions.deleteAllOfScript(scriptId);
		deletedScenes.forEach(scene -> events.publishEvent(scene.deleted(cause)));
		deletedActions.forEach(action -> events.publishEvent(action.deleted(cause)));
		log.info("Script {} deleted: deleted its {} scene(s) and {} action(s)", scriptId, deletedScenes.size(),
				deletedActions.size());
	}

	private void deleteWithActions(List<Scene> toDelete, DeletionCause cause) {
		toDelete.forEach(scenes::delete);
		announceDeletion(toDelete, cause);
	}

	private void announceDeletion(List<Scene> deleted, DeletionCause cause) {
		List<Action> orphans = actions.deleteAllOfScenes(deleted.stream().map(Scene::id).toList());
		DeletionCause actionCause = cause == DeletionCause.REQUESTED ? DeletionCause.CASCADE : cause;
		orphans.forEach(action -> events.publishEvent(action.deleted(actionCause)));
		deleted.forEach(scene -> events.publishEvent(scene.deleted(cause)));
	}

	private String place(String after, String before) {
		return before == null ? Position.atEnd(clock.instant(), after) : Position.between(after, before);
	}

	/**
	 * The scene, after locking its act; then the scene's own row: changes to one act's
	 * scenes queue up.
	 */
	private Scene lockedScene(UUID sceneId) {
		return lockedScene(sceneId, null);
	}

	/**
	 * The scene, locked after its act's row (and {@code otherAct}'s, when it is to move
	 * there). The acts are locked in a fixed order, so that two moves in opposite
	 * directions cannot deadlock.
	 */
	private Scene lockedScene(UUID sceneId, UUID otherAct) {
		Scene scene = scenes.findById(sceneId).orElseThrow(() -> new SceneNotFound(sceneId));
		Stream.of(scene.actId(), otherAct)
			.filter(Objects::nonNull)
			.distinct()
			.sorted(Comparator.naturalOrder())
			.forEach(act -> parents.known().lockLive(ParentKind.ACT, act));
		Scene locked = scenes.lock(sceneId).orElseThrow(() -> new SceneNotFound(sceneId));
		if (!locked.actId().equals(scene.actId())) {
			parents.known().lockLive(ParentKind.ACT, locked.actId()); // it moved
																		// meanwhile
		}
		return locked;
	}

	private void save(Scene scene, SceneUpdated changed) {
		scenes.update(scene);
		events.publishEvent(changed);
	}

	/**
	 * Makes an imported play's scenes and their actions, as the import lists them (ids
	 * and positions included, so a replay makes nothing twice), in two batched statements
	 * (scenes, actions) for all the acts at once, not one per row. More actions in a
	 * scene than the limit refuse the play. In the consumer's transaction, with the acts
	 * held live.
	 */
	public void makeImported(ImportedParts<ClaimCheckParts.Scene> imported) {
		for (ClaimCheckParts.Scene part : imported.parts()) {
			if (part.actions().size() > imported.maxPerParent()) {
				imported.reject(PartKind.ACTION, part.element(), "there are " + part.actions().size()
						+ " actions here; at most " + imported.maxPerParent() + " are allowed");
				return;
			}
		}
		Set<UUID> made = scenes.existing(imported.parts().stream().map(ClaimCheckParts.Scene::id).toList());
		List<Scene> newScenes = new ArrayList<>();
		List<Action> newActions = new ArrayList<>();
		imported.byParent().forEach((actId, parts) -> {
			for (ClaimCheckParts.Scene part : parts) {
				if (made.contains(part.id())) {
					continue;
				}
				newScenes.add(new Scene(part.id(), imported.scriptId(), actId, part.heading(), part.sceneNumber(),
						part.synopsis(), part.ordinal()));
				for (ClaimCheckParts.Action line : part.actions()) {
					newActions.add(new Action(line.id(), imported.scriptId(), part.id(), line.text(),
							Action.Kind.valueOf(line.kind()), line.position()));
				}
			}
		});
		if (newScenes.isEmpty()) {
			return;
		}
		scenes.insertAll(newScenes);
		actions.insertAll(newActions);
		int next = 0;
		for (Scene scene : newScenes) {
			events.publishEvent(scene.importedFrom(imported.importId()));
			for (; next < newActions.size() && newActions.get(next).sceneId().equals(scene.id()); next++) {
				events.publishEvent(newActions.get(next).created());
			}
		}
	}

}
