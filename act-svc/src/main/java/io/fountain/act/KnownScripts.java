package io.fountain.act;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * This service's replica of scripts: which exist, and which are deleted (tombstones, kept forever). Changes to a
 * script's acts lock its row here, so that a creation and the script's cascade never interleave.
 */
@Repository
public class KnownScripts {

	public enum Status {
		LIVE, DELETED
	}

	private final JdbcClient jdbc;

	KnownScripts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Status> status(UUID scriptId) {
		return jdbc.sql("SELECT deleted FROM known_script WHERE id = ?").param(scriptId)
			.query((rs, n) -> rs.getBoolean(1) ? Status.DELETED : Status.LIVE)
			.optional();
	}

	/** The script's status, holding its row until the transaction ends; empty when it is not known. */
	Optional<Status> lock(UUID scriptId) {
		return jdbc.sql("SELECT deleted FROM known_script WHERE id = ? FOR UPDATE").param(scriptId)
			.query((rs, n) -> rs.getBoolean(1) ? Status.DELETED : Status.LIVE)
			.optional();
	}

	/** Records a live script unless the script is already known (a tombstone stays a tombstone). */
	void learnLive(UUID scriptId) {
		jdbc.sql("INSERT INTO known_script (id) VALUES (?) ON CONFLICT DO NOTHING").param(scriptId).update();
	}

	/** Records the script as deleted, whether or not it was known, and locks its row. */
	void learnDeleted(UUID scriptId) {
		jdbc.sql("""
				INSERT INTO known_script (id, deleted) VALUES (?, true)
				ON CONFLICT (id) DO UPDATE SET deleted = true, updated_at = now()""")
			.param(scriptId)
			.update();
	}
}
