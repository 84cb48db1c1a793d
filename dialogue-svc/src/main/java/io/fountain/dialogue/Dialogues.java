package io.fountain.dialogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dialogue blocks this service owns, with their parentheticals. */
@Repository
public class Dialogues {

	private static final String SELECT = "SELECT * FROM dialogue d ";

	private static final String INSERT_PARENTHETICAL = """
			INSERT INTO parenthetical (id, dialogue_id, ordinal, text, before_line) VALUES (?, ?, ?, ?, ?)""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	Dialogues(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	/**
	 * Inserts the blocks and their parentheticals in two batches (sent as multi-row
	 * statements).
	 */
	void insertAll(List<Dialogue> all) {
		if (all.isEmpty()) {
			return;
		}
		batches.batchUpdate("""
				INSERT INTO dialogue (id, script_id, scene_id, character_id, text, dual, extension, position)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
				all.stream()
					.map(d -> new Object[] { d.id(), d.scriptId(), d.sceneId(), d.characterId(), d.text(), d.dual(),
							d.extension(), d.position() })
					.toList());
		List<Object[]> parentheticals = new ArrayList<>();
		for (Dialogue dialogue : all) {
			List<Parenthetical> ps = dialogue.parentheticals();
			for (int i = 0; i < ps.size(); i++) {
				parentheticals
					.add(new Object[] { ps.get(i).id(), dialogue.id(), i, ps.get(i).text(), ps.get(i).beforeLine() });
			}
		}
		if (!parentheticals.isEmpty()) {
			batches.batchUpdate(INSERT_PARENTHETICAL, parentheticals);
		}
	}

	/** Which of these ids are blocks here already. */
	Set<UUID> existing(List<UUID> ids) {
		return Set.copyOf(jdbc.sql("SELECT id FROM dialogue WHERE id = ANY (?)")
			.param(ids.toArray(UUID[]::new))
			.query(UUID.class)
			.list());
	}

	void insert(Dialogue dialogue) {
		jdbc.sql("""
				INSERT INTO dialogue (id, script_id, scene_id, character_id, text, dual, extension, position)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(dialogue.id(), dialogue.scriptId(), dialogue.sceneId(), dialogue.characterId(), dialogue.text(),
					dialogue.dual(), dialogue.extension(), dialogue.position())
			.update();
		insertParentheticals(dialogue);
	}

	/**
	 * A speaker was renamed: every block it speaks shows the new name, so each has a new
	 * version (its ETag), in one statement. The blocks themselves did not change: no
	 * event.
	 */
	void speakerRenamed(UUID characterId) {
		jdbc.sql("UPDATE dialogue SET version = version + 1 WHERE character_id = ?").param(characterId).update();
	}

	/**
	 * Writes the block's change, its parentheticals with it, and raises its version: the
	 * only way parentheticals change, so a change of theirs is a new version of their
	 * block.
	 */
	void update(Dialogue dialogue) {
		dialogue.stored(jdbc.sql("""
				UPDATE dialogue SET character_id = ?, text = ?, dual = ?, extension = ?, position = ?,
				version = version + 1 WHERE id = ? RETURNING version""")
			.params(dialogue.characterId(), dialogue.text(), dialogue.dual(), dialogue.extension(), dialogue.position(),
					dialogue.id())
			.query(Long.class)
			.single());
		jdbc.sql("DELETE FROM parenthetical WHERE dialogue_id = ?").param(dialogue.id()).update();
		insertParentheticals(dialogue);
	}

	void delete(Dialogue dialogue) {
		jdbc.sql("DELETE FROM dialogue WHERE id = ?").param(dialogue.id()).update();
	}

	/**
	 * Deletes every block of the scene, or spoken by the character, and answers the
	 * blocks this statement deleted (without their parentheticals, which go with them). A
	 * block that a concurrent cascade of its other parent deleted first is not answered,
	 * so that each deletion is announced once.
	 */
	List<Dialogue> deleteAllOf(String column, UUID parentId) {
		return jdbc.sql("DELETE FROM dialogue d WHERE d." + column + " = ? RETURNING *")
			.param(parentId)
			.query(Dialogues::row)
			.list()
			.stream()
			.map(r -> r.dialogue(List.of()))
			.toList();
	}

	public Optional<Dialogue> findById(UUID id) {
		return select("WHERE d.id = ?", id).stream().findFirst();
	}

	/** A page of the scene's blocks, in order. */
	public List<Dialogue> findByScene(UUID sceneId, int offset, int limit) {
		return select("WHERE d.scene_id = ? ORDER BY d.position, d.id LIMIT ? OFFSET ?", sceneId, limit, offset);
	}

	public long countByScene(UUID sceneId) {
		return jdbc.sql("SELECT count(*) FROM dialogue WHERE scene_id = ?").param(sceneId).query(Long.class).single();
	}

	public List<Dialogue> findByScript(UUID scriptId) {
		return select("WHERE d.script_id = ? ORDER BY d.scene_id, d.position, d.id", scriptId);
	}

	/**
	 * The names this service knows for the speaking characters (its replica, kept from
	 * their events).
	 */
	public Map<UUID, String> characterNames(List<Dialogue> dialogues) {
		Map<UUID, String> names = new LinkedHashMap<>();
		if (dialogues.isEmpty()) {
			return names;
		}
		jdbc.sql("SELECT id, name FROM known_parent WHERE kind = 'character' AND id = ANY (?)")
			.param(dialogues.stream().map(Dialogue::characterId).distinct().toArray(UUID[]::new))
			.query((rs, n) -> names.put(rs.getObject("id", UUID.class), rs.getString("name")))
			.list();
		return names;
	}

	private void insertParentheticals(Dialogue dialogue) {
		List<Parenthetical> parentheticals = dialogue.parentheticals();
		for (int i = 0; i < parentheticals.size(); i++) {
			Parenthetical p = parentheticals.get(i);
			jdbc.sql(INSERT_PARENTHETICAL).params(p.id(), dialogue.id(), i, p.text(), p.beforeLine()).update();
		}
	}

	private List<Dialogue> select(String where, Object... params) {
		List<Row> rows = jdbc.sql(SELECT + where).params(params).query(Dialogues::row).list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<UUID, List<Parenthetical>> parentheticals = new LinkedHashMap<>();
		jdbc.sql("SELECT * FROM parenthetical WHERE dialogue_id = ANY (?) ORDER BY dialogue_id, ordinal")
			.param(rows.stream().map(Row::id).toArray(UUID[]::new))
			.query((rs, n) -> parentheticals
				.computeIfAbsent(rs.getObject("dialogue_id", UUID.class), k -> new ArrayList<>())
				.add(new Parenthetical(rs.getObject("id", UUID.class), rs.getString("text"), rs.getInt("before_line"))))
			.list();
		return rows.stream().map(r -> r.dialogue(parentheticals.getOrDefault(r.id(), List.of()))).toList();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getObject("script_id", UUID.class),
				rs.getObject("scene_id", UUID.class), rs.getObject("character_id", UUID.class), rs.getString("text"),
				rs.getBoolean("dual"), rs.getString("extension"), rs.getString("position"), rs.getLong("version"));
	}

	private record Row(UUID id, UUID scriptId, UUID sceneId, UUID characterId, String text, boolean dual,
			String extension, String position, long version) {

		/**
		 * The block of this row, with its parentheticals (read apart), at its version.
		 */
		Dialogue dialogue(List<Parenthetical> parentheticals) {
			Dialogue dialogue = new Dialogue(id, scriptId, sceneId, characterId, text, dual, extension, position,
					parentheticals);
			dialogue.stored(version);
			return dialogue;
		}
	}

}
