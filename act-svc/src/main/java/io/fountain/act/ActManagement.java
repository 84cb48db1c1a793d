package io.fountain.act;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commands on acts, and this service's reactions to scripts' events. Every change to a script's acts holds the
 * script's row in {@link KnownScripts} until it commits: an act is never created under a script known to be
 * deleted, and an act created while its script's deletion is being applied is deleted with the others.
 */
@Service
public class ActManagement {

	private static final Logger log = LoggerFactory.getLogger(ActManagement.class);

	private final Acts acts;

	private final KnownScripts scripts;

	private final ScriptLookup lookup;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	ActManagement(Acts acts, KnownScripts scripts, ScriptLookup lookup, ApplicationEventPublisher events,
			TransactionTemplate transactions) {
		this.acts = acts;
		this.scripts = scripts;
		this.lookup = lookup;
		this.events = events;
		this.transactions = transactions;
	}

	/**
	 * Adds an act at the given place (1-based; {@code null} for after the last), moving the acts from there on one
	 * place down.
	 */
	public Act create(UUID scriptId, String title, Integer ordinal) {
		confirmScript(scriptId);
		return transactions.execute(status -> {
			requireLive(scriptId);
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

	/** Retitles and/or moves an act; {@code null} leaves that part as it is. */
	public Act revise(UUID actId, String title, boolean retitle, Integer ordinal) {
		return transactions.execute(status -> {
			Act act = acts.findById(actId).orElseThrow(() -> new ActNotFound(actId));
			requireLive(act.scriptId());
			Act locked = acts.findById(actId).orElseThrow(() -> new ActNotFound(actId));
			if (retitle) {
				locked.retitle(title).ifPresent(changed -> save(locked, changed));
			}
			if (ordinal != null) {
				moveWithin(locked, ordinal);
			}
			return locked;
		});
	}

	public void delete(UUID actId) {
		transactions.executeWithoutResult(status -> {
			Act act = acts.findById(actId).orElseThrow(() -> new ActNotFound(actId));
			requireLive(act.scriptId());
			Act locked = acts.findById(actId).orElseThrow(() -> new ActNotFound(actId));
			acts.delete(locked);
			events.publishEvent(locked.delete(ActDeleted.Cause.REQUESTED));
			for (Act later : acts.findByScript(locked.scriptId())) {
				if (later.ordinal() > locked.ordinal()) {
					later.moveTo(later.ordinal() - 1).ifPresent(changed -> save(later, changed));
				}
			}
		});
	}

	/** The acts of a script in order; the script must exist and not be deleted. */
	public List<Act> actsOf(UUID scriptId) {
		confirmScript(scriptId);
		if (scripts.status(scriptId).orElse(KnownScripts.Status.DELETED) == KnownScripts.Status.DELETED) {
			throw new ScriptNotFound(scriptId);
		}
		return acts.findByScript(scriptId);
	}

	/** A script was created: it may have acts from now on. Runs inside the consumer's transaction. */
	public void scriptCreated(UUID scriptId) {
		scripts.learnLive(scriptId);
	}

	/** A script was deleted: delete its acts, each announced, in this (the consumer's) transaction. */
	public void scriptDeleted(UUID scriptId) {
		scripts.learnDeleted(scriptId);
		scripts.lock(scriptId);
		List<Act> deleted = acts.deleteAllOfScript(scriptId);
		for (Act act : deleted) {
			events.publishEvent(act.delete(ActDeleted.Cause.CASCADE));
		}
		log.info("Script {} deleted: deleted its {} act(s)", scriptId, deleted.size());
	}

	private void moveWithin(Act act, int requested) {
		List<Act> siblings = acts.findByScript(act.scriptId());
		int from = act.ordinal();
		int to = Math.clamp(requested, 1, siblings.size());
		for (Act sibling : siblings) {
			if (sibling.id().equals(act.id())) {
				continue;
			}
			int place = sibling.ordinal();
			if (from < to && place > from && place <= to) {
				sibling.moveTo(place - 1).ifPresent(changed -> save(sibling, changed));
			}
			else if (to < from && place >= to && place < from) {
				sibling.moveTo(place + 1).ifPresent(changed -> save(sibling, changed));
			}
		}
		act.moveTo(to).ifPresent(changed -> save(act, changed));
	}

	private void save(Act act, ActChanged changed) {
		acts.update(act);
		events.publishEvent(changed);
	}

	/** Makes sure this service knows the script, asking script-svc when its creation event has not arrived yet. */
	private void confirmScript(UUID scriptId) {
		if (scripts.status(scriptId).isPresent()) {
			return;
		}
		if (!lookup.exists(scriptId)) {
			throw new ScriptNotFound(scriptId);
		}
		transactions.executeWithoutResult(status -> scripts.learnLive(scriptId));
	}

	private void requireLive(UUID scriptId) {
		if (scripts.lock(scriptId).orElse(KnownScripts.Status.DELETED) == KnownScripts.Status.DELETED) {
			throw new ScriptNotFound(scriptId);
		}
	}
}
