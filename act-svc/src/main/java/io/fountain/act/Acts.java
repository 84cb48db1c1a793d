package io.fountain.act;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The acts this service owns. */
@Repository
public class Acts {

	private final JdbcClient jdbc;

	Acts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Act act) {
		jdbc.sql("INSERT INTO act (id, script_id, ordinal, title) VALUES (?, ?, ?, ?)")
			.params(act.id(), act.scriptId(), act.ordinal(), act.title())
			.update();
	}

	/** Writes the act's change and raises its version. */
	void update(Act act) {
		act.stored(
				jdbc.sql("UPDATE act SET ordinal = ?, title = ?, version = version + 1 WHERE id = ? RETURNING version")
					.params(act.ordinal(), act.title(), act.id())
					.query(Long.class)
					.single());
	}

	void delete(Act act) {
		jdbc.sql("DELETE FROM act WHERE id = ?").param(act.id()).update();
	}

	/** Deletes every act of the script in one statement and answers what it deleted. */
	List<Act> deleteAllOfScript(UUID scriptId) {
		return jdbc.sql("DELETE FROM act WHERE script_id = ? RETURNING *").param(scriptId).query(Acts::map).list();
	}

	public Optional<Act> findById(UUID id) {
		return jdbc.sql("SELECT * FROM act WHERE id = ?").param(id).query(Acts::map).optional();
	}

	public List<Act> findByScript(UUID scriptId) {
		return jdbc.sql("SELECT * FROM act WHERE script_id = ? ORDER BY ordinal")
			.param(scriptId)
			.query(Acts::map)
			.list();
	}

	/** A page of the script's acts, in order. */
	public List<Act> findByScript(UUID scriptId, int offset, int limit) {
		return jdbc.sql("SELECT * FROM act WHERE script_id = ? ORDER BY ordinal, id LIMIT ? OFFSET ?")
			.params(scriptId, limit, offset)
			.query(Acts::map)
			.list();
	}

	public long countByScript(UUID scriptId) {
		return jdbc.sql("SELECT count(*) FROM act WHERE script_id = ?").param(scriptId).query(Long.class).single();
	}

	private static Act map(ResultSet rs, int row) throws SQLException {
		Act act = new Act(rs.getObject("id", UUID.class), rs.getObject("script_id", UUID.class), rs.getInt("ordinal"),
				rs.getString("title"));
		act.stored(rs.getLong("version"));
		return act;
	}

}
