package io.fountain.edge.idempotency;

import java.time.Duration;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The edge's record of idempotency keys (table {@code idempotency_key}), per user: a key
 * is claimed by the first request that brings it, answered once that request has its
 * answer, and then replayed for 24 hours.
 */
@Component
class IdempotencyKeys {

	static final Duration KEPT = Duration.ofHours(24);

	/**
	 * How long a claim without an answer holds: an edge that died mid-request must not
	 * block the key for a day.
	 */
	static final Duration LEASE = Duration.ofMinutes(2);

	private final JdbcClient jdbc;

	IdempotencyKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What to do with a request that brings {@code key}. */
	Claim claim(String user, String key, String requestHash) {
		for (int attempt = 0; attempt < 3; attempt++) {
			int inserted = jdbc.sql("""
					INSERT INTO idempotency_key (user_id, key, request_hash) VALUES (?, ?, ?) ON CONFLICT DO NOTHING""")
				.params(user, key, requestHash)
				.update();
			if (inserted == 1) {
				return new Claim(Claim.Kind.FIRST, null);
			}
			Optional<Stored> stored = jdbc.sql("""
					SELECT request_hash, status, content_type, location, body,
					       started_at < now() - make_interval(secs => ?) AS expired,
					       started_at < now() - make_interval(secs => ?) AS lease_over
					FROM idempotency_key WHERE user_id = ? AND key = ?""")
				.params(KEPT.toSeconds(), LEASE.toSeconds(), user, key)
				.query((rs, row) -> new Stored(rs.getString("request_hash"), (Integer) rs.getObject("status"),
						rs.getString("content_type"), rs.getString("location"), rs.getBytes("body"),
						rs.getBoolean("expired"), rs.getBoolean("lease_over")))
				.optional();
			if (stored.isEmpty()) {
				continue; // removed in between: claim it again
			}
			Stored row = stored.get();
			if (row.expired()) {
				jdbc.sql(
						"DELETE FROM idempotency_key WHERE user_id = ? AND key = ? AND started_at < now() - make_interval(secs => ?)")
					.params(user, key, KEPT.toSeconds())
					.update();
				continue;
			}
			if (!row.requestHash().equals(requestHash)) {
				return new Claim(Claim.Kind.OTHER_REQUEST, null);
			}
			if (row.status() != null) {
				return new Claim(Claim.Kind.ANSWERED, row);
			}
			if (row.leaseOver() && jdbc
				.sql("""
						UPDATE idempotency_key SET started_at = now()
						WHERE user_id = ? AND key = ? AND status IS NULL AND started_at < now() - make_interval(secs => ?)""")
				.params(user, key, LEASE.toSeconds())
				.update() == 1) {
				return new Claim(Claim.Kind.FIRST, null);
			}
			return new Claim(Claim.Kind.IN_PROGRESS, null);
		}
		return new Claim(Claim.Kind.IN_PROGRESS, null);
	}

	void answer(String user, String key, int status, String contentType, String location, byte[] body) {
		jdbc.sql("""
				UPDATE idempotency_key SET status = ?, content_type = ?, location = ?, body = ?, answered_at = now()
				WHERE user_id = ? AND key = ?""").params(status, contentType, location, body, user, key).update();
	}

	/** The request failed in a way a retry may fix (a 5xx): the key is free again. */
	void release(String user, String key) {
		jdbc.sql("DELETE FROM idempotency_key WHERE user_id = ? AND key = ? AND status IS NULL")
			.params(user, key)
			.update();
	}

	@Scheduled(fixedDelayString = "PT10M")
	void forgetOldKeys() {
		jdbc.sql("DELETE FROM idempotency_key WHERE started_at < now() - make_interval(secs => ?)")
			.param(KEPT.toSeconds())
			.update();
	}

	record Claim(Kind kind, Stored answer) {

		enum Kind {

			/** This request is the first with the key: run it. */
			FIRST,
			/** The same request was answered: replay that answer. */
			ANSWERED,
			/** The same request is being answered right now. */
			IN_PROGRESS,
			/** The key was used for another request. */
			OTHER_REQUEST

		}
	}

	record Stored(String requestHash, Integer status, String contentType, String location, byte[] body, boolean expired,
			boolean leaseOver) {
	}

}
