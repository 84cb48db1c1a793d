package io.fountain.scene;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The scenes this service owns. */
@Repository
public class Scenes {

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	Scenes(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	/** Inserts the scenes in one batch (sent as multi-row statements). */
	void insertAll(List<Scene> all) {
		batches.batchUpdate("""
				INSERT INTO scene (id, script_id, act_id, heading, scene_number, synopsis, ordinal)
				VALUES (?, ?, ?, ?, ?, ?, ?)""",
				all.stream()
					.map(s -> new Object[] { s.id(), s.scriptId(), s.actId(), s.heading(), s.sceneNumber(),
							s.synopsis(), s.ordinal() })
					.toList());
	}

	/** Which of these ids are scenes here already. */
	Set<UUID> existing(List<UUID> ids) {
		return Set.copyOf(jdbc.sql("SELECT id FROM scene WHERE id = ANY (?)")
			.param(ids.toArray(UUID[]::new))
			.query(UUID.class)
			.list());
	}

	void insert(Scene scene) {
		jdbc.sql("""
				INSERT INTO scene (id, script_id, act_id, heading, scene_number, synopsis, ordinal)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(scene.id(), scene.scriptId(), scene.actId(), scene.heading(), scene.sceneNumber(), scene.synopsis(),
					scene.ordinal())
			.update();
	}

	/**
	 * Writes the scene's change and raises its version: also when it only moved, as a
	 * sibling's arrival or departure moves it.
	 */
	void update(Scene scene) {
		scene.stored(jdbc.sql("""
				UPDATE scene SET act_id = ?, heading = ?, scene_number = ?, synopsis = ?, ordinal = ?,
				version = version + 1 WHERE id = ? RETURNING version""")
			.params(scene.actId(), scene.heading(), scene.sceneNumber(), scene.synopsis(), scene.ordinal(), scene.id())
			.query(Long.class)
			.single());
	}

	void delete(Scene scene) {
		jdbc.sql("DELETE FROM scene WHERE id = ?").param(scene.id()).update();
	}

	List<Scene> deleteAllOfAct(UUID actId) {
		return jdbc.sql("DELETE FROM scene WHERE act_id = ? RETURNING *").param(actId).query(Scenes::map).list();
	}

	List<Scene> deleteAllOfScript(UUID scriptId) {
		return jdbc.sql("DELETE FROM scene WHERE script_id = ? RETURNING *").param(scriptId).query(Scenes::map).list();
	}

	public Optional<Scene> findById(UUID id) {
		return jdbc.sql("SELECT * FROM scene WHERE id = ?").param(id).query(Scenes::map).optional();
	}

	/**
	 * The scene, its row locked until the transaction ends: changes to its actions queue
	 * up behind it.
	 */
	Optional<Scene> lock(UUID id) {
		return jdbc.sql("SELECT * FROM scene WHERE id = ? FOR UPDATE").param(id).query(Scenes::map).optional();
	}

	public List<Scene> findByAct(UUID actId) {
		return jdbc.sql("SELECT * FROM scene WHERE act_id = ? ORDER BY ordinal").param(actId).query(Scenes::map).list();
	}

	/** A page of the act's scenes, in order. */
	public List<Scene> findByAct(UUID actId, int offset, int limit) {
		return jdbc.sql("SELECT * FROM scene WHERE act_id = ? ORDER BY ordinal, id LIMIT ? OFFSET ?")
			.params(actId, limit, offset)
			.query(Scenes::map)
			.list();
	}

	public long countByAct(UUID actId) {
		return jdbc.sql("SELECT count(*) FROM scene WHERE act_id = ?").param(actId).query(Long.class).single();
	}

	public List<Scene> findByScript(UUID scriptId) {
		return jdbc.sql("SELECT * FROM scene WHERE script_id = ? ORDER BY act_id, ordinal")
			.param(scriptId)
			.query(Scenes::map)
			.list();
	}

	private static Scene map(ResultSet rs, int row) throws SQLException {
		Scene scene = new Scene(rs.getObject("id", UUID.class), rs.getObject("script_id", UUID.class),
				rs.getObject("act_id", UUID.class), rs.getString("heading"), rs.getString("scene_number"),
				rs.getString("synopsis"), rs.getInt("ordinal"));
		scene.stored(rs.getLong("version"));
		return scene;
	}

}
