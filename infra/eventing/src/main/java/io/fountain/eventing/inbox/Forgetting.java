package io.fountain.eventing.inbox;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgets what no message can ask about any more. A consumer keeps the id of every event it applied
 * ({@code processed_event}) and a tombstone of every parent and script it saw deleted ({@code known_parent},
 * {@code script_known}), so that a redelivered or replayed event changes nothing. Both grew forever.
 * <p>
 * The rule: a message can only come back while it is in its topic, and Kafka keeps a record for at most the topic's
 * retention plus one segment (a segment is deleted whole, once its newest record is past the retention). Every topic
 * the services create gets both explicitly ({@code fountain.eventing.retention} and {@code .segment}), so a row older
 * than {@link #horizon} (retention + segment + a day's margin for clocks and lag) answers nothing a message can still
 * ask: a replay from the earliest offset only brings events whose ids are still kept, and a creation replayed after
 * its parent's deletion still finds the tombstone, since the creation came before the deletion. A parent or a script
 * forgotten after that is, to a late command, what it is to every other service: unknown, and its owner says 404.
 * <p>
 * A consumer group that stays away longer than the horizon is no longer protected: its offsets, too, expire (the
 * broker's {@code offsets.retention.minutes}, 7 days by default), after which it starts from the earliest record that
 * is left. Operators set the retention longer than any planned outage.
 */
public class Forgetting {

	private static final Logger log = LoggerFactory.getLogger(Forgetting.class);

	/** At most this many rows a statement, so that a long backlog never holds a big lock. */
	private static final int CHUNK = 5_000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Duration horizon;


	/**
	 * @param retention how long the topics keep records
	 * @param segment how long a topic's segment stays open at most
	 */
	public Forgetting(JdbcTemplate jdbc, TransactionTemplate transactions, Duration retention, Duration segment) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.horizon = horizon(retention, segment);
	}

	/** How old a row must be before no message can ask about it any more. */
	public static Duration horizon(Duration retention, Duration segment) {
		return retention.plus(segment).plus(Duration.ofDays(1));
	}

	/** Deletes the rows past the horizon; answers how many. */
	public long forget() {
		String before = "now() - make_interval(secs => " + horizon.toSeconds() + ")";
		long forgotten = 0;
		forgotten += inChunks("DELETE FROM processed_event WHERE event_id IN (SELECT event_id FROM processed_event"
				+ " WHERE processed_at < " + before + " LIMIT " + CHUNK + ")");
		forgotten += inChunks("DELETE FROM known_parent WHERE (kind, id) IN (SELECT kind, id FROM known_parent"
				+ " WHERE deleted AND updated_at < " + before + " LIMIT " + CHUNK + ")");
		forgotten += inChunks("DELETE FROM import_rejection WHERE (import_id, part, element) IN (SELECT import_id, part,"
				+ " element FROM import_rejection WHERE rejected_at < " + before + " LIMIT " + CHUNK + ")");
		for (List<UUID> scripts = deletedScripts(before); !scripts.isEmpty(); scripts = deletedScripts(before)) {
			// Who had a part in the script goes with it: kept until now for the deletion's progress, read by them alone.
			UUID[] ids = scripts.toArray(UUID[]::new);
			transactions.executeWithoutResult(status -> {
				jdbc.update("DELETE FROM script_access WHERE script_id = ANY (?)", (Object) ids);
				jdbc.update("DELETE FROM script_known WHERE script_id = ANY (?)", (Object) ids);
			});
			forgotten += ids.length;
		}
		if (forgotten > 0) {
			log.info("Forgot {} row(s) older than {} (processed events, tombstones): no message can ask about them",
					forgotten, horizon);
		}
		return forgotten;
	}

	private List<UUID> deletedScripts(String before) {
		return jdbc.queryForList("SELECT script_id FROM script_known WHERE deleted AND deleted_at < " + before
				+ " LIMIT " + CHUNK, UUID.class);
	}

	private long inChunks(String statement) {
		long total = 0;
		for (int deleted = CHUNK; deleted == CHUNK;) {
			deleted = jdbc.update(statement);
			total += deleted;
		}
		return total;
	}

	public Duration horizon() {
		return horizon;
	}
}
