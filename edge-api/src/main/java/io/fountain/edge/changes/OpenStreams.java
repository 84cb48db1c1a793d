package io.fountain.edge.changes;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The change feeds open in every edge, in the edge's database, for the per-user limit: a
 * stream of an edge that died stops counting once three heartbeats have passed without
 * it.
 */
@Repository
class OpenStreams {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ChangeFeedSettings settings;

	private final String edge = UUID.randomUUID().toString();

	OpenStreams(JdbcClient jdbc, TransactionTemplate transactions, ChangeFeedSettings settings) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.settings = settings;
	}

	/**
	 * A new stream of the user's, unless they have as many open as allowed: then empty.
	 * Opens of one user are taken one at a time (a lock on the user), so two at once
	 * cannot both take the last place.
	 */
	Optional<UUID> open(String user, UUID scriptId) {
		return transactions.execute(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("change_stream:" + user).query().rowSet();
			long open = jdbc
				.sql("SELECT count(*) FROM change_stream WHERE user_id = ? AND seen_at > now() - ?::interval")
				.params(user, stale().toMillis() + " milliseconds")
				.query(Long.class)
				.single();
			if (open >= settings.maxStreamsPerUser()) {
				return Optional.<UUID>empty();
			}
			UUID id = UUID.randomUUID();
			jdbc.sql("INSERT INTO change_stream (id, user_id, script_id, edge) VALUES (?, ?, ?, ?)")
				.params(id, user, scriptId, edge)
				.update();
			return Optional.of(id);
		});
	}

	/** The streams are still open (a heartbeat); rows of dead edges are removed. */
	void seen(Collection<UUID> streams) {
		if (!streams.isEmpty()) {
			jdbc.sql("UPDATE change_stream SET seen_at = now() WHERE id = ANY (?)")
				.param(streams.toArray(UUID[]::new))
				.update();
		}
		jdbc.sql("DELETE FROM change_stream WHERE seen_at < now() - ?::interval")
			.param(stale().toMillis() + " milliseconds")
			.update();
	}

	void close(UUID stream) {
		jdbc.sql("DELETE FROM change_stream WHERE id = ?").param(stream).update();
	}

	/** Streams open now in every edge. */
	long count() {
		return jdbc.sql("SELECT count(*) FROM change_stream WHERE seen_at > now() - ?::interval")
			.param(stale().toMillis() + " milliseconds")
			.query(Long.class)
			.single();
	}

	private Duration stale() {
		return settings.heartbeat().multipliedBy(3);
	}

}
