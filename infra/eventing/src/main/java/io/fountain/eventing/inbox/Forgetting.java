package io.fountain.eventing.inbox;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgets what no message can ask about any more. A consumer keeps the id of every event
 * it applied ({@code processed_event}) and a tombstone of every parent and script it saw
 * deleted ({@code known_parent}, {@code script_known}), so that a redelivered or replayed
 * event changes nothing. Both grew forever. This class forgets the applied events; each
 * capability that keeps rows of its own for the same reason forgets them as a
 * {@link Remembered}, with the same horizon.
 * <p>
 * The rule: a message can only come back while it is in its topic, and Kafka keeps a
 * record for at most the topic's retention plus one segment (a segment is deleted whole,
 * once its newest record is past the retention). Every topic the services create gets
 * both explicitly ({@code fountain.eventing.retention} and {@code .segment}), so a row
 * older than {@link #horizon} (retention + segment + a day's margin for clocks and lag)
 * answers nothing a message can still ask: a replay from the earliest offset only brings
 * events whose ids are still kept, and a creation replayed after its parent's deletion
 * still finds the tombstone, since the creation came before the deletion. A parent or a
 * script forgotten after that is, to a late command, what it is to every other service:
 * unknown, and its owner says 404.
 * <p>
 * A consumer group that stays away longer than the horizon is no longer protected: its
 * offsets, too, expire (the broker's {@code offsets.retention.minutes}, 7 days by
 * default), after which it starts from the earliest record that is left. Operators set
 * the retention longer than any planned outage.
 */
public class Forgetting {

	private static final Logger log = LoggerFactory.getLogger(Forgetting.class);

	/**
	 * At most this many rows a statement, so that a long backlog never holds a big lock.
	 */
	private static final int CHUNK = 5_000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Duration horizon;

	/**
	 * What the service's other capabilities keep for messages only (tombstones, refusals
	 * said once).
	 */
	private final List<Remembered> remembered;

	/**
	 * @param retention how long the topics keep records
	 * @param segment how long a topic's segment stays open at most
	 */
	public Forgetting(JdbcTemplate jdbc, TransactionTemplate transactions, Duration retention, Duration segment,
			List<Remembered> remembered) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.horizon = horizon(retention, segment);
		this.remembered = List.copyOf(remembered);
	}

	/** How old a row must be before no message can ask about it any more. */
	public static Duration horizon(Duration retention, Duration segment) {
		return retention.plus(segment).plus(Duration.ofDays(1));
	}

	/** Deletes the rows past the horizon; answers how many. */
	public long forget() {
		PastTheHorizon past = new PastTheHorizon("now() - make_interval(secs => " + horizon.toSeconds() + ")");
		long forgotten = past.deleteInChunks("processed_event", "event_id", "processed_at < " + past.before());
		for (Remembered capability : remembered) {
			forgotten += capability.forget(past);
		}
		if (forgotten > 0) {
			log.info("Forgot {} row(s) older than {} (processed events, tombstones): no message can ask about them",
					forgotten, horizon);
		}
		return forgotten;
	}

	/**
	 * What a {@link Remembered} needs to forget its rows: the horizon, and deletion in
	 * bounded chunks.
	 */
	public final class PastTheHorizon {

		private final String before;

		private PastTheHorizon(String before) {
			this.before = before;
		}

		/**
		 * The horizon as an SQL expression of type {@code timestamptz}: a row older than
		 * it may go.
		 */
		public String before() {
			return before;
		}

		/**
		 * Deletes the rows of {@code table} matching {@code condition}, at most
		 * {@value Forgetting#CHUNK} a statement (identified by {@code key}, one column or
		 * a parenthesized list), until none is left.
		 */
		public long deleteInChunks(String table, String key, String condition) {
			String statement = "DELETE FROM " + table + " WHERE " + key + " IN (SELECT " + stripParentheses(key)
					+ " FROM " + table + " WHERE " + condition + " LIMIT " + CHUNK + ")";
			long total = 0;
			for (int deleted = CHUNK; deleted == CHUNK;) {
				deleted = jdbc.update(statement);
				total += deleted;
			}
			return total;
		}

		/**
		 * Runs {@code work} on each chunk of ids that {@code query} finds (a query
		 * without its LIMIT, which this adds), in a transaction each, until the query
		 * finds none: the work must remove what the query finds.
		 */
		public <T> long inChunksOf(String query, Class<T> type, Consumer<List<T>> work) {
			long total = 0;
			for (List<T> ids = jdbc.queryForList(query + " LIMIT " + CHUNK, type); !ids.isEmpty(); ids = jdbc
				.queryForList(query + " LIMIT " + CHUNK, type)) {
				List<T> chunk = ids;
				transactions.executeWithoutResult(status -> work.accept(chunk));
				total += chunk.size();
			}
			return total;
		}

		private static String stripParentheses(String key) {
			return key.startsWith("(") ? key.substring(1, key.length() - 1) : key;
		}

	}

	public Duration horizon() {
		return horizon;
	}

}
