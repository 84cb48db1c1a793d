package io.fountain.act;

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
import io.fountain.parents.ParentKind;
import io.fountain.parents.Parents;
import io.fountain.problems.conditional.IfMatch;

/**
 * Commands on acts, and this service's reactions to scripts' events. Every change to a
 * script's acts holds the script's row in the parent replica until it commits: an act is
 * never created under a script known to be deleted, and an act created while its script's
 * deletion is being applied is deleted with the others.
 */
@Service
public class ActManagement {

	private static final Logger log = LoggerFactory.getLogger(ActManagement.class);

	private final Acts acts;

	private final Parents parents;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	ActManagement(Acts acts, Parents parents, ApplicationEventPublisher events, TransactionTemplate transactions) {
		this.acts = acts;
		this.parents = parents;
		this.events = events;
		this.transactions = transactions;
	}

	/**
	 * Adds an act at the given place (1-based; {@code null} for after the last), moving
	 * the acts from there on one place down.
	 */
	public Act create(UUID scriptId, String title, Integer ordinal) {
		parents.confirm(ParentKind.SCRIPT, scriptId);
		return transactions.execute(status -> {
			parents.known().lockLive(ParentKind.SCRIPT, scriptId);
			List<Act> siblings = acts.findByScript(scriptId);
			int place = ordinal == null ? siblings.size() + 1 : Math.clamp(ordinal, 1, siblings.size() + 1);
			for (Act sibling : siblings) {
				if (sibling.ordinal() >= place) {
					sibling.moveTo(sibling.ordinal() + 1).ifPresent(changed -> save(sibling, changed));
				}
			}
			Act act = Act.create(scriptId, place, title);
			acts.insert(act);
			events.publishEvent(act.created());
			return act;
		});
	}

	/**
	 * Retitles ({@code retitle}: to {@code title}, which may be null) and/or moves an act
	 * ({@code ordinal}).
	 */
	public Act revise(UUID actId, String title, boolean retitle, Integer ordinal, IfMatch ifMatch) {
		return transactions.execute(status -> {
			Act act = lockedAct(actId);
			ifMatch.require(Act.class, act.version());
			if (retitle) {
				act.retitle(title).ifPresent(changed -> save(act, changed));
			}
			if (ordinal != null) {
				moveWithin(act, ordinal);
			}
			return act;
		});
	}

	public void delete(UUID actId, IfMatch ifMatch) {
		transactions.executeWithoutResult(status -> {
			Act act = lockedAct(actId);
			ifMatch.require(Act.class, act.version());
			acts.delete(act);
			events.publishEvent(act.deleted(DeletionCause.REQUESTED));
			for (Act later : acts.findByScript(act.scriptId())) {
				if (later.ordinal() > act.ordinal()) {
					later.moveTo(later.ordinal() - 1).ifPresent(changed -> save(later, changed));
				}
			}
		});
	}

	/**
	 * {@code limit} acts of a script in order, from {@code offset}; the script must exist
	 * and not be deleted.
	 */
	public List<Act> actsOf(UUID scriptId, int offset, int limit) {
		parents.requireLive(ParentKind.SCRIPT, scriptId);
		return acts.findByScript(scriptId, offset, limit);
	}

	/**
	 * Deletes every act of the script at once, each announced, in the caller's
	 * transaction (the script's deletion, or reconciliation's when the script is known
	 * deleted and its acts are still here).
	 */
	public void deleteAllOfScript(UUID scriptId, DeletionCause cause) {
		List<Act> deleted = acts.deleteAllOfScript(scriptId);
		for (Act act : deleted) {
			events.publishEvent(act.deleted(cause));
		}
		log.info("Script {} deleted: deleted its {} act(s)", scriptId, deleted.size());
	}

	/**
	 * The act, after locking its script: concurrent changes to one script's acts queue
	 * up.
	 */
	private Act lockedAct(UUID actId) {
		Act act = acts.findById(actId).orElseThrow(() -> new ActNotFound(actId));
		parents.known().lockLive(ParentKind.SCRIPT, act.scriptId());
		return acts.findById(actId).orElseThrow(() -> new ActNotFound(actId));
	}

	private void moveWithin(Act act, int requested) {
		List<Act> siblings = acts.findByScript(act.scriptId());
		int from = act.ordinal();
		int to = Math.clamp(requested, 1, siblings.size());
		for (Act sibling : siblings) {
			int place = sibling.ordinal();
			if (sibling.id().equals(act.id())) {
				continue;
			}
			if (from < to && place > from && place <= to) {
				sibling.moveTo(place - 1).ifPresent(changed -> save(sibling, changed));
			}
			else if (to < from && place >= to && place < from) {
				sibling.moveTo(place + 1).ifPresent(changed -> save(sibling, changed));
			}
		}
		act.moveTo(to).ifPresent(changed -> save(act, changed));
	}

	private void save(Act act, ActUpdated changed) {
		acts.update(act);
		events.publishEvent(changed);
	}

	/**
	 * Makes an imported play's acts, as the import lists them (ids included, so a replay
	 * makes nothing twice). In the consumer's transaction, with the script held live.
	 */
	public void makeImported(ImportedParts<ClaimCheckParts.Act> imported) {
		for (ClaimCheckParts.Act part : imported.parts()) {
			if (acts.findById(part.id()).isEmpty()) {
				Act act = new Act(part.id(), imported.scriptId(), part.ordinal(), part.title());
				acts.insert(act);
				events.publishEvent(act.importedFrom(imported.importId()));
			}
		}
	}

}
