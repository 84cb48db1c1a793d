package io.fountain.script.play;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.fountain.imports.PartKind;

/**
 * The plays' progress in this service's database: one row per play, one per play and kind
 * of part.
 */
@Repository
class PlayProgressRepository {

	private final JdbcClient jdbc;

	PlayProgressRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void open(UUID scriptId, String owner, PlayState.Status status, UUID importId, Map<PartKind, Integer> expected) {
		jdbc.sql("INSERT INTO play (script_id, owner, status, import_id, finished_at) VALUES (?, ?, ?, ?, ?)")
			.params(scriptId, owner, status.name(), importId,
					status == PlayState.Status.ACTIVE ? Timestamp.from(Instant.now()) : null)
			.update();
		for (PartKind kind : PartKind.values()) {
			jdbc.sql("INSERT INTO play_part (script_id, kind, expected) VALUES (?, ?, ?)")
				.params(scriptId, kind.wire(), expected.getOrDefault(kind, 0))
				.update();
		}
	}

	/**
	 * The play, its row locked until the transaction ends: one play's progress changes
	 * one step at a time.
	 */
	Optional<PlayState> lock(UUID scriptId) {
		return jdbc.sql("SELECT * FROM play WHERE script_id = ? FOR UPDATE")
			.param(scriptId)
			.query(PlayProgressRepository::map)
			.optional();
	}

	Optional<PlayState> find(UUID scriptId) {
		return jdbc.sql("SELECT * FROM play WHERE script_id = ?")
			.param(scriptId)
			.query(PlayProgressRepository::map)
			.optional();
	}

	List<PlayState.Part> parts(UUID scriptId) {
		return jdbc.sql("SELECT * FROM play_part WHERE script_id = ?")
			.param(scriptId)
			.query((rs, row) -> new PlayState.Part(PartKind.ofWire(rs.getString("kind")), rs.getInt("expected"),
					rs.getInt("created"), rs.getInt("deleted"), rs.getInt("rejected"),
					(Integer) rs.getObject("live_at_deletion"), (Integer) rs.getObject("deleted_before")))
			.list();
	}

	void count(UUID scriptId, PartKind kind, int created, int deleted, int rejected) {
		jdbc.sql("""
				INSERT INTO play_part (script_id, kind, created, deleted, rejected) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (script_id, kind) DO UPDATE SET created = play_part.created + EXCLUDED.created,
				deleted = play_part.deleted + EXCLUDED.deleted, rejected = play_part.rejected + EXCLUDED.rejected""")
			.params(scriptId, kind.wire(), created, deleted, rejected)
			.update();
	}

	boolean allCreated(UUID scriptId) {
		return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM play_part WHERE script_id = ? AND created < expected)")
			.param(scriptId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * No part left (parentheticals go with their dialogue and are not counted out one by
	 * one).
	 */
	boolean allRemoved(UUID scriptId) {
		return jdbc.sql("""
				SELECT NOT EXISTS (SELECT 1 FROM play_part
				WHERE script_id = ? AND kind <> 'parenthetical' AND created > deleted)""")
			.param(scriptId)
			.query(Boolean.class)
			.single();
	}

	void finish(UUID scriptId, PlayState.Status status) {
		jdbc.sql("UPDATE play SET status = ?, finished_at = now() WHERE script_id = ?")
			.params(status.name(), scriptId)
			.update();
	}

	void fail(UUID scriptId, String reason, String part, String element) {
		jdbc.sql("""
				UPDATE play SET status = 'FAILED', reason = ?, failed_part = ?, failed_element = ?, finished_at = now()
				WHERE script_id = ?""").params(reason, part, element, scriptId).update();
	}

	/** The deletion starts: what is live now is what it has to remove. */
	void startDeletion(UUID scriptId) {
		jdbc.sql("UPDATE play SET status = 'DELETING', finished_at = NULL WHERE script_id = ?")
			.param(scriptId)
			.update();
		jdbc.sql("""
				UPDATE play_part SET live_at_deletion = GREATEST(created - deleted, 0), deleted_before = deleted
				WHERE script_id = ?""").param(scriptId).update();
	}

	List<UUID> pendingSince(Instant startedBefore) {
		return jdbc.sql("SELECT script_id FROM play WHERE status = 'PENDING' AND started_at < ? ORDER BY started_at")
			.param(Timestamp.from(startedBefore))
			.query(UUID.class)
			.list();
	}

	void markOverdue(UUID scriptId) {
		jdbc.sql("UPDATE play SET overdue = true WHERE script_id = ?").param(scriptId).update();
	}

	/**
	 * The play an earlier request with this key made, and the hash of that request's
	 * body.
	 */
	Optional<Map.Entry<UUID, String>> request(String owner, String key) {
		return jdbc.sql("SELECT script_id, body_hash FROM play_request WHERE owner = ? AND idempotency_key = ?")
			.params(owner, key)
			.query((rs, row) -> Map.entry(rs.getObject("script_id", UUID.class), rs.getString("body_hash")))
			.optional();
	}

	void rememberRequest(String owner, String key, String bodyHash, UUID scriptId) {
		jdbc.sql("INSERT INTO play_request (owner, idempotency_key, body_hash, script_id) VALUES (?, ?, ?, ?)")
			.params(owner, key, bodyHash, scriptId)
			.update();
	}

	private static PlayState map(ResultSet rs, int row) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new PlayState(rs.getObject("script_id", UUID.class), rs.getString("owner"),
				PlayState.Status.valueOf(rs.getString("status")), rs.getObject("import_id", UUID.class),
				rs.getString("reason"), rs.getString("failed_part"), rs.getString("failed_element"),
				rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
				rs.getBoolean("overdue"));
	}

}
