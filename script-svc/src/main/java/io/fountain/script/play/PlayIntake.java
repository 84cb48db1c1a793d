package io.fountain.script.play;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.fountain.format.PlayDocument;
import io.fountain.script.ScriptManagement;
import io.fountain.script.TitlePage;

/**
 * Accepts a whole play ({@code POST /plays}): checks its shape, gives every part an id,
 * keeps the parts for the services that make them (the claim check) and creates the
 * script PENDING, all in one transaction with its {@code script.created} event. From
 * there the play makes itself by choreography; {@link PlayProgress} follows it.
 */
@Service
public class PlayIntake {

	private final ScriptManagement scripts;

	private final PlayProgressRepository ledger;

	private final ClaimCheck claimCheck;

	private final TransactionTemplate transactions;

	PlayIntake(ScriptManagement scripts, PlayProgressRepository ledger, ClaimCheck claimCheck,
			TransactionTemplate transactions) {
		this.scripts = scripts;
		this.ledger = ledger;
		this.claimCheck = claimCheck;
		this.transactions = transactions;
	}

	/**
	 * @param idempotencyKey the client's key for this request, or null: the same key with
	 * the same body answers the play the first request made
	 * @param bodyHash a hash of the request's body, to tell a repeated request from
	 * another under the same key
	 * @throws InvalidPlay when the document's shape is wrong (nothing is written)
	 * @throws IdempotencyKeyReused when the key was used for another body
	 */
	public Accepted accept(String owner, PlayDocument play, String idempotencyKey, String bodyHash) {
		if (idempotencyKey != null) {
			Optional<Accepted> earlier = earlier(owner, idempotencyKey, bodyHash);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		PlayValidation.check(play);
		ImportPlan plan = ImportPlan.of(play);
		try {
			return transactions.execute(status -> {
				scripts.importing(plan.scriptId(), owner, play.title(), titlePage(play), plan.importId(),
						plan.hasParts());
				ledger.open(plan.scriptId(), owner,
						plan.hasParts() ? PlayState.Status.PENDING : PlayState.Status.ACTIVE, plan.importId(),
						plan.expected());
				claimCheck.store(plan.importId(), plan.parts());
				if (idempotencyKey != null) {
					ledger.rememberRequest(owner, idempotencyKey, bodyHash, plan.scriptId());
				}
				return new Accepted(plan.scriptId(), false);
			});
		}
		catch (DuplicateKeyException race) {
			// The same key arrived twice at once: the other request made the play.
			return earlier(owner, idempotencyKey, bodyHash).orElseThrow(() -> race);
		}
	}

	private Optional<Accepted> earlier(String owner, String key, String bodyHash) {
		Optional<Map.Entry<UUID, String>> earlier = ledger.request(owner, key);
		if (earlier.isPresent() && !earlier.get().getValue().equals(bodyHash)) {
			throw new IdempotencyKeyReused(key);
		}
		return earlier.map(entry -> new Accepted(entry.getKey(), true));
	}

	private static TitlePage titlePage(PlayDocument play) {
		return new TitlePage(play.credit(), play.authors(), play.source(), play.draftDate(), play.contact(),
				play.otherEntries().stream().map(e -> new TitlePage.TitleEntry(e.key(), e.value())).toList(),
				play.titlePageIndent());
	}

	/**
	 * The play was accepted ({@code replayed}: by an earlier request with the same key).
	 */
	public record Accepted(UUID scriptId, boolean replayed) {
	}

	/** An Idempotency-Key used before with another body. */
	public static class IdempotencyKeyReused extends RuntimeException {

		IdempotencyKeyReused(String key) {
			super("Idempotency-Key '" + key + "' was used for another request body; use a new key for a new play");
		}

	}

}
