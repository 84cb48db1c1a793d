package io.fountain.script.play;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.fountain.eventing.outbox.Outbox;
import io.fountain.imports.PartKind;
import io.fountain.problems.conditional.IfMatch;
import io.fountain.script.Script;
import io.fountain.script.ScriptManagement;
import io.fountain.script.TitlePage;
import io.fountain.script.play.PlayState.Status;

/**
 * The progress of every play, kept by counting the parts the other services announce they
 * made or removed. This is the one place that knows what is left of a choreography: a
 * play being imported becomes ACTIVE when every part it expects exists, FAILED when any
 * service rejects its part (or a message about it ends in a dead-letter topic), and a
 * deleted play DELETED when its last part is gone. Nothing here tells another service
 * what to do: a failure is undone by deleting the script, whose cascade every service
 * already follows.
 * <p>
 * Every step locks the play's row first, so one play moves one step at a time whichever
 * thread moves it.
 */
@Service
public class PlayProgress {

	private static final Logger log = LoggerFactory.getLogger(PlayProgress.class);

	private final PlayProgressRepository ledger;

	private final ClaimCheck claimCheck;

	private final ScriptManagement scripts;

	private final PlaySettings settings;

	private final Outbox outbox;

	PlayProgress(PlayProgressRepository ledger, ClaimCheck claimCheck, ScriptManagement scripts, PlaySettings settings,
			Outbox outbox) {
		this.ledger = ledger;
		this.claimCheck = claimCheck;
		this.scripts = scripts;
		this.settings = settings;
		this.outbox = outbox;
	}

	/** A script made by {@code POST /scripts}: a play, ACTIVE from the start. */
	@Transactional
	public Script createScript(String owner, String title, TitlePage titlePage) {
		Script script = scripts.create(owner, title, titlePage);
		ledger.open(script.id(), owner, Status.ACTIVE, null, Map.of());
		return script;
	}

	/** The owner deletes the play: DELETING until the last part is gone. */
	@Transactional
	public void requestDeletion(UUID scriptId, IfMatch ifMatch) {
		ledger.lock(scriptId);
		scripts.delete(scriptId, ifMatch);
		ledger.startDeletion(scriptId);
		if (ledger.allRemoved(scriptId)) {
			ledger.finish(scriptId, Status.DELETED);
		}
	}

	/**
	 * {@code count} parts of {@code kind} were made. In the caller's (the consumer's)
	 * transaction: counted at its commit, with the rest of its poll.
	 */
	public void partsCreated(UUID scriptId, PartKind kind, int count) {
		if (count > 0) {
			tally().add(scriptId, kind, count, 0);
		}
	}

	/**
	 * A part of {@code kind} was removed. In the caller's (the consumer's) transaction,
	 * counted at its commit.
	 */
	public void partDeleted(UUID scriptId, PartKind kind) {
		tally().add(scriptId, kind, 0, 1);
	}

	private PartCountBatch tally() {
		return PartCountBatch.current(this, outbox::expectAppendsBeforeCommit, this::apply);
	}

	/**
	 * A poll's counts, play by play (in id order): each play moved one step at most, its
	 * row locked first.
	 */
	private void apply(PartCountBatch tally) {
		tally.counts.forEach((scriptId, kinds) -> {
			Optional<PlayState> play = ledger.lock(scriptId);
			if (play.isEmpty()) {
				return;
			}
			kinds.forEach((kind, count) -> ledger.count(scriptId, kind, count[0], count[1], 0));
			if (play.get().status() == Status.PENDING && ledger.allCreated(scriptId)) {
				complete(play.get());
			}
			else if (play.get().status() == Status.DELETING && ledger.allRemoved(scriptId)) {
				ledger.finish(scriptId, Status.DELETED);
				log.info("Play {} deleted: its last part is gone", scriptId);
			}
		});
	}

	/**
	 * A service could not make its part: the play fails. In the caller's (the consumer's)
	 * transaction.
	 */
	public void partRejected(UUID scriptId, String service, String part, String element, String reason) {
		Optional<PlayState> play = ledger.lock(scriptId);
		if (play.isEmpty()) {
			return;
		}
		ledger.count(scriptId, PartKind.ofWire(part), 0, 0, 1);
		if (play.get().status() == Status.PENDING) {
			fail(play.get(), service + " could not create it: " + reason, part, element);
		}
	}

	/**
	 * A message about a play being made could not be processed: the play fails (its own
	 * transaction).
	 */
	@Transactional
	public void deadLettered(UUID scriptId, String part, String where) {
		// The failure itself (an exception's message, a statement) is for operators, on
		// the dead letter; the writer
		// learns where it stopped and where to look.
		ledger.lock(scriptId)
			.filter(play -> play.status() == Status.PENDING)
			.ifPresent(play -> fail(play,
					"a message about it could not be processed by " + where
							+ " (an operator finds why in /ops/dead-letters)",
					part, "the " + part + " events of the play"));
	}

	/**
	 * The play is PENDING past its deadline: wait on (saying it is overdue) or fail, as
	 * configured.
	 */
	@Transactional
	public void deadlinePassed(UUID scriptId) {
		ledger.lock(scriptId).filter(play -> play.status() == Status.PENDING).ifPresent(play -> {
			String missing = missing(scriptId);
			if (settings.onDeadline() == PlaySettings.OnDeadline.COMPENSATE) {
				fail(play, "not complete within " + settings.deadline() + "; still missing: " + missing,
						firstMissingKind(scriptId), "the play");
			}
			else if (!play.overdue()) {
				ledger.markOverdue(scriptId);
				log.warn(
						"Play {} is not complete within {}; still missing: {}. Waiting for it (policy WAIT): is a "
								+ "service down or its consumer lagging? See /ops/lag at the edge.",
						scriptId, settings.deadline(), missing);
			}
		});
	}

	public Optional<ProgressReport> report(UUID scriptId) {
		return ledger.find(scriptId).map(play -> {
			Map<String, ProgressReport.Parts> parts = new LinkedHashMap<>();
			Map<PartKind, PlayState.Part> byKind = ledger.parts(scriptId)
				.stream()
				.collect(Collectors.toMap(PlayState.Part::kind, part -> part));
			boolean deletion = play.status() == Status.DELETING || play.status() == Status.DELETED;
			for (PartKind kind : PartKind.values()) {
				PlayState.Part part = byKind.get(kind);
				if (part == null || deletion && kind == PartKind.PARENTHETICAL) {
					continue;
				}
				if (deletion) {
					int expected = part.liveAtDeletion() == null ? 0 : part.liveAtDeletion();
					int done = part.deleted() - (part.deletedBefore() == null ? 0 : part.deletedBefore());
					parts.put(kind.wire(),
							new ProgressReport.Parts(expected, Math.min(expected, Math.max(0, done)), 0, part.live()));
				}
				else {
					parts.put(kind.wire(),
							new ProgressReport.Parts(part.expected(), part.created(), part.rejected(),
									kind == PartKind.PARENTHETICAL
											? parentheticalsLive(part, byKind.get(PartKind.DIALOGUE)) : part.live()));
				}
			}
			boolean overdue = play.status() == Status.PENDING
					&& play.startedAt().plus(settings.deadline()).isBefore(Instant.now());
			return new ProgressReport(play, overdue, parts);
		});
	}

	/**
	 * Parentheticals go with their dialogue block, and no event counts them out one by
	 * one: none is left when no dialogue is; otherwise as many as were made (an upper
	 * bound when some blocks were deleted on their own).
	 */
	private static int parentheticalsLive(PlayState.Part parentheticals, PlayState.Part dialogue) {
		return dialogue == null || dialogue.live() == 0 ? 0 : parentheticals.live();
	}

	private void complete(PlayState play) {
		ledger.finish(play.scriptId(), Status.ACTIVE);
		scripts.activate(play.scriptId());
		if (play.importId() != null) {
			claimCheck.purge(play.importId());
		}
		log.info("Play {} is ACTIVE: every part exists ({} after it was accepted)", play.scriptId(),
				Duration.between(play.startedAt(), Instant.now()));
	}

	private void fail(PlayState play, String reason, String part, String element) {
		ledger.fail(play.scriptId(), reason, part, element);
		scripts.compensate(play.scriptId());
		if (play.importId() != null) {
			claimCheck.purge(play.importId());
		}
		log.warn("Play {} FAILED at {} ({}): {}. Removing every part made of it.", play.scriptId(), element, part,
				reason);
	}

	private String missing(UUID scriptId) {
		List<String> missing = ledger.parts(scriptId)
			.stream()
			.filter(part -> part.created() < part.expected())
			.map(part -> part.kind().wire() + " " + part.created() + " of " + part.expected())
			.toList();
		return missing.isEmpty() ? "nothing" : String.join(", ", missing);
	}

	private String firstMissingKind(UUID scriptId) {
		return ledger.parts(scriptId)
			.stream()
			.filter(part -> part.created() < part.expected())
			.map(part -> part.kind().wire())
			.findFirst()
			.orElse("play");
	}

}
