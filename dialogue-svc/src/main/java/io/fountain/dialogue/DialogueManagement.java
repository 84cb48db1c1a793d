package io.fountain.dialogue;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.fountain.parents.DeletionCause;
import io.fountain.parents.KnownParents;
import io.fountain.parents.ParentKind;
import io.fountain.parents.ParentNotFound;
import io.fountain.parents.Parents;
import io.fountain.positions.Position;
import io.fountain.problems.conditional.IfMatch;

/**
 * Commands on dialogue, and this service's reactions to scenes' and characters' events. A
 * change to a block holds its scene's row and then its character's in the parent replica
 * (always in that order), so no block survives either parent's cascade, and a block is
 * only ever spoken by a character of its own script.
 */
@Service
public class DialogueManagement {

	private static final Logger log = LoggerFactory.getLogger(DialogueManagement.class);

	private final Dialogues dialogues;

	private final Parents parents;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock = Clock.systemUTC();

	DialogueManagement(Dialogues dialogues, Parents parents, ApplicationEventPublisher events,
			TransactionTemplate transactions) {
		this.dialogues = dialogues;
		this.parents = parents;
		this.events = events;
		this.transactions = transactions;
	}

	/** Adds a block to a scene, at the end or between the positions given. */
	public Dialogue create(UUID sceneId, Dialogue.Lines lines, String after, String before) {
		parents.confirm(ParentKind.SCENE, sceneId);
		parents.confirm(ParentKind.CHARACTER, lines.characterId());
		return transactions.execute(status -> {
			KnownParents.Parent scene = lockParents(sceneId, lines.characterId());
			Dialogue dialogue = Dialogue.create(scene.scriptId(), sceneId, lines, place(after, before));
			dialogues.insert(dialogue);
			events.publishEvent(dialogue.created());
			return dialogue;
		});
	}

	/**
	 * Applies a revision to the block as it is under lock (so two revisions of different
	 * fields both take); with {@code move}, also moves it (between the positions given).
	 * A change of its parentheticals is a change of the block: {@code ifMatch} names the
	 * block's version.
	 */
	public Dialogue revise(UUID id, DialogueRevision revision, boolean move, String after, String before,
			IfMatch ifMatch) {
		Dialogue current = dialogues.findById(id).orElseThrow(() -> new DialogueNotFound(id));
		if (revision.characterId() != null) {
			parents.confirm(ParentKind.CHARACTER, revision.characterId()); // may ask
																			// character-svc:
																			// not inside
																			// the
																			// transaction
		}
		return transactions.execute(status -> {
			KnownParents.Parent scene = parents.known().lockLive(ParentKind.SCENE, current.sceneId());
			// The speakers too, before the version is read: a speaker's rename (which is
			// a
			// new version of the block) or deletion waits for this change, so the version
			// checked is the one written over. In id order: two changes never wait on
			// each other.
			for (UUID speaker : Stream.of(current.characterId(), revision.characterId())
				.filter(Objects::nonNull)
				.distinct()
				.sorted()
				.toList()) {
				if (speaker.equals(revision.characterId())) {
					lockSpeaker(scene, speaker);
				}
				else {
					parents.known().lockIfLive(ParentKind.CHARACTER, speaker);
				}
			}
			Dialogue dialogue = dialogues.findById(id).orElseThrow(() -> new DialogueNotFound(id));
			ifMatch.require(Dialogue.class, dialogue.version());
			Dialogue.Lines lines = revision.applyTo(dialogue.lines());
			lockSpeaker(scene, lines.characterId());
			if (revision.rewords()) {
				lines.checkText();
			}
			dialogue.revise(lines, move ? place(after, before) : dialogue.position()).ifPresent(changed -> {
				dialogues.update(dialogue);
				events.publishEvent(changed);
			});
			return dialogue;
		});
	}

	public void delete(UUID id, IfMatch ifMatch) {
		transactions.executeWithoutResult(status -> {
			Dialogue found = dialogues.findById(id).orElseThrow(() -> new DialogueNotFound(id));
			parents.known().lockLive(ParentKind.SCENE, found.sceneId());
			// Its speaker's rename or deletion waits: the version checked stays current.
			parents.known().lockIfLive(ParentKind.CHARACTER, found.characterId());
			dialogues.findById(id).ifPresent(dialogue -> {
				ifMatch.require(Dialogue.class, dialogue.version());
				dialogues.delete(dialogue);
				events.publishEvent(dialogue.deleted(DeletionCause.REQUESTED));
			});
		});
	}

	/**
	 * {@code limit} blocks of a scene in order, from {@code offset}; the scene must exist
	 * and not be deleted.
	 */
	public List<Dialogue> dialogueOf(UUID sceneId, int offset, int limit) {
		parents.requireLive(ParentKind.SCENE, sceneId);
		return dialogues.findByScene(sceneId, offset, limit);
	}

	/**
	 * Deletes the dialogue whose {@code column} ({@code scene_id}, {@code character_id}
	 * or {@code script_id}) is {@code parentId} at once, each block announced, in the
	 * caller's transaction.
	 */
	public void deleteAllOf(String column, UUID parentId, DeletionCause cause) {
		List<Dialogue> deleted = dialogues.deleteAllOf(column, parentId);
		deleted.forEach(dialogue -> events.publishEvent(dialogue.deleted(cause)));
		log.debug("{} {} deleted: deleted {} dialogue block(s)", column, parentId, deleted.size());
	}

	/**
	 * Locks the scene, then the character; both must be live and of one script. Answers
	 * the scene.
	 */
	private KnownParents.Parent lockParents(UUID sceneId, UUID characterId) {
		KnownParents.Parent scene = parents.known().lockLive(ParentKind.SCENE, sceneId);
		lockSpeaker(scene, characterId);
		return scene;
	}

	/**
	 * Locks the character who is to speak in the (locked) scene. A character of another
	 * script is no character as far as this scene goes: it is not found, exactly as an
	 * unknown one, so that the answer does not tell a caller that an id of a play they
	 * may not see exists.
	 */
	private void lockSpeaker(KnownParents.Parent scene, UUID characterId) {
		KnownParents.Parent character = parents.known().lockLive(ParentKind.CHARACTER, characterId);
		if (!character.scriptId().equals(scene.scriptId())) {
			throw new ParentNotFound(ParentKind.CHARACTER, characterId);
		}
	}

	private String place(String after, String before) {
		return before == null ? Position.atEnd(clock.instant(), after) : Position.between(after, before);
	}

}
