package io.fountain.transition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The transitions this service owns. */
@Repository
public class Transitions {

	private final JdbcClient jdbc;

	Transitions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Transition transition) {
		jdbc.sql("INSERT INTO transition (id, script_id, scene_id, text, position) VALUES (?, ?, ?, ?, ?)")
			.params(transition.id(), transition.scriptId(), transition.sceneId(), transition.text(),
					transition.position())
			.update();
	}

	/** Writes the transition's change and raises its version. */
	void update(Transition transition) {
		transition.stored(jdbc
			.sql("UPDATE transition SET text = ?, position = ?, version = version + 1 WHERE id = ? RETURNING version")
			.params(transition.text(), transition.position(), transition.id())
			.query(Long.class)
			.single());
	}

	void delete(Transition transition) {
		jdbc.sql("DELETE FROM transition WHERE id = ?").param(transition.id()).update();
	}

	List<Transition> deleteAllOfScript(UUID scriptId) {
		return jdbc.sql("DELETE FROM transition WHERE script_id = ? RETURNING *")
			.param(scriptId)
			.query(Transitions::map)
			.list();
	}

	List<Transition> deleteAllOfScene(UUID sceneId) {
		return jdbc.sql("DELETE FROM transition WHERE scene_id = ? RETURNING *")
			.param(sceneId)
			.query(Transitions::map)
			.list();
	}

	public Optional<Transition> findById(UUID id) {
		return jdbc.sql("SELECT * FROM transition WHERE id = ?").param(id).query(Transitions::map).optional();
	}

	/** A page of the scene's transitions, in order. */
	public List<Transition> findByScene(UUID sceneId, int offset, int limit) {
		return jdbc.sql("SELECT * FROM transition WHERE scene_id = ? ORDER BY position, id LIMIT ? OFFSET ?")
			.params(sceneId, limit, offset)
			.query(Transitions::map)
			.list();
	}

	public long countByScene(UUID sceneId) {
		return jdbc.sql("SELECT count(*) FROM transition WHERE scene_id = ?").param(sceneId).query(Long.class).single();
	}

	public List<Transition> findByScript(UUID scriptId) {
		return jdbc.sql("SELECT * FROM transition WHERE script_id = ? ORDER BY scene_id, position, id")
			.param(scriptId)
			.query(Transitions::map)
			.list();
	}

	private static Transition map(ResultSet rs, int row) throws SQLException {
		Transition transition = new Transition(rs.getObject("id", UUID.class), rs.getObject("script_id", UUID.class),
				rs.getObject("scene_id", UUID.class), rs.getString("text"), rs.getString("position"));
		transition.stored(rs.getLong("version"));
		return transition;
	}

}
