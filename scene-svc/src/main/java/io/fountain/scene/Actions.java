package io.fountain.scene;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The actions this service owns. */
@Repository
public class Actions {

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	Actions(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	/** Inserts the actions in one batch (sent as multi-row statements). */
	void insertAll(List<Action> all) {
		batches.batchUpdate(
				"INSERT INTO action (id, script_id, scene_id, text, kind, position) VALUES (?, ?, ?, ?, ?, ?)",
				all.stream()
					.map(a -> new Object[] { a.id(), a.scriptId(), a.sceneId(), a.text(), a.kind().name(),
							a.position() })
					.toList());
	}

	void insert(Action action) {
		jdbc.sql("INSERT INTO action (id, script_id, scene_id, text, kind, position) VALUES (?, ?, ?, ?, ?, ?)")
			.params(action.id(), action.scriptId(), action.sceneId(), action.text(), action.kind().name(),
					action.position())
			.update();
	}

	/** Writes the action's change and raises its version. */
	void update(Action action) {
		action.stored(jdbc.sql(
				"UPDATE action SET text = ?, kind = ?, position = ?, version = version + 1 WHERE id = ? RETURNING version")
			.params(action.text(), action.kind().name(), action.position(), action.id())
			.query(Long.class)
			.single());
	}

	void delete(Action action) {
		jdbc.sql("DELETE FROM action WHERE id = ?").param(action.id()).update();
	}

	List<Action> deleteAllOfScenes(List<UUID> sceneIds) {
		if (sceneIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("DELETE FROM action WHERE scene_id = ANY (?) RETURNING *")
			.param(sceneIds.toArray(UUID[]::new))
			.query(Actions::map)
			.list();
	}

	List<Action> deleteAllOfScript(UUID scriptId) {
		return jdbc.sql("DELETE FROM action WHERE script_id = ? RETURNING *")
			.param(scriptId)
			.query(Actions::map)
			.list();
	}

	public Optional<Action> findById(UUID id) {
		return jdbc.sql("SELECT * FROM action WHERE id = ?").param(id).query(Actions::map).optional();
	}

	/** A page of the scene's actions, in order. */
	public List<Action> findByScene(UUID sceneId, int offset, int limit) {
		return jdbc.sql("SELECT * FROM action WHERE scene_id = ? ORDER BY position, id LIMIT ? OFFSET ?")
			.params(sceneId, limit, offset)
			.query(Actions::map)
			.list();
	}

	public long countByScene(UUID sceneId) {
		return jdbc.sql("SELECT count(*) FROM action WHERE scene_id = ?").param(sceneId).query(Long.class).single();
	}

	public List<Action> findByScript(UUID scriptId) {
		return jdbc.sql("SELECT * FROM action WHERE script_id = ? ORDER BY scene_id, position, id")
			.param(scriptId)
			.query(Actions::map)
			.list();
	}

	private static Action map(ResultSet rs, int row) throws SQLException {
		Action action = new Action(rs.getObject("id", UUID.class), rs.getObject("script_id", UUID.class),
				rs.getObject("scene_id", UUID.class), rs.getString("text"), Action.Kind.valueOf(rs.getString("kind")),
				rs.getString("position"));
		action.stored(rs.getLong("version"));
		return action;
	}

}
