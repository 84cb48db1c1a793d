package io.fountain.character;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The characters this service owns. */
@Repository
public class Characters {

	private final JdbcClient jdbc;

	Characters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Character character) {
		jdbc.sql("INSERT INTO character (id, script_id, name, description) VALUES (?, ?, ?, ?)")
			.params(character.id(), character.scriptId(), character.name(), character.description())
			.update();
	}

	/** Writes the character's change and raises its version. */
	void update(Character character) {
		character.stored(jdbc
			.sql("UPDATE character SET name = ?, description = ?, version = version + 1 WHERE id = ? RETURNING version")
			.params(character.name(), character.description(), character.id())
			.query(Long.class)
			.single());
	}

	void delete(Character character) {
		jdbc.sql("DELETE FROM character WHERE id = ?").param(character.id()).update();
	}

	List<Character> deleteAllOfScript(UUID scriptId) {
		return jdbc.sql("DELETE FROM character WHERE script_id = ? RETURNING *")
			.param(scriptId)
			.query(Characters::map)
			.list();
	}

	boolean nameTaken(UUID scriptId, String name, UUID except) {
		return jdbc
			.sql("SELECT count(*) FROM character WHERE script_id = ? "
					+ "AND upper(normalize(name, NFC)) = upper(normalize(?, NFC)) AND id <> ?")
			.params(scriptId, name.strip(), except)
			.query(Integer.class)
			.single() > 0;
	}

	public Optional<Character> findById(UUID id) {
		return jdbc.sql("SELECT * FROM character WHERE id = ?").param(id).query(Characters::map).optional();
	}

	/** A page of the script's cast, by name. */
	public List<Character> findByScript(UUID scriptId, int offset, int limit) {
		return jdbc.sql("SELECT * FROM character WHERE script_id = ? ORDER BY upper(name), id LIMIT ? OFFSET ?")
			.params(scriptId, limit, offset)
			.query(Characters::map)
			.list();
	}

	public long countByScript(UUID scriptId) {
		return jdbc.sql("SELECT count(*) FROM character WHERE script_id = ?")
			.param(scriptId)
			.query(Long.class)
			.single();
	}

	private static Character map(ResultSet rs, int row) throws SQLException {
		Character character = new Character(rs.getObject("id", UUID.class), rs.getObject("script_id", UUID.class),
				rs.getString("name"), rs.getString("description"));
		character.stored(rs.getLong("version"));
		return character;
	}

}
