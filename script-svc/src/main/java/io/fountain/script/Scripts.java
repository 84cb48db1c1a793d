package io.fountain.script;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.fountain.imports.ClaimCheckReader;

/** The scripts this service owns, in its own database. */
@Repository
public class Scripts {

	private final JdbcClient jdbc;

	Scripts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Script script) {
		TitlePage page = script.titlePage();
		jdbc.sql(
				"""
						INSERT INTO script (id, owner, title, credit, authors, source, draft_date, contact, other_entries, status,
						title_page_indent)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""")
			.params(script.id(), script.owner(), script.title(), page.credit(), page.authors().toArray(String[]::new),
					page.source(), page.draftDate(), page.contact(), json(page.otherEntries()), script.status().name(),
					page.indent())
			.update();
	}

	/** Writes the script's change and raises its version. */
	void update(Script script) {
		TitlePage page = script.titlePage();
		script.stored(jdbc.sql("""
				UPDATE script SET title = ?, credit = ?, authors = ?, source = ?, draft_date = ?, contact = ?,
				status = ?, updated_at = now(), version = version + 1 WHERE id = ? RETURNING version""")
			.params(script.title(), page.credit(), page.authors().toArray(String[]::new), page.source(),
					page.draftDate(), page.contact(), script.status().name(), script.id())
			.query(Long.class)
			.single());
	}

	void delete(Script script) {
		jdbc.sql("DELETE FROM script WHERE id = ?").param(script.id()).update();
		// The play's history goes with it; what its cascade publishes after is not
		// recorded (PlayHistory).
		jdbc.sql("DELETE FROM play_history WHERE script_id = ?").param(script.id()).update();
		jdbc.sql("DELETE FROM play_revision WHERE script_id = ?").param(script.id()).update();
	}

	public Optional<Script> findById(UUID id) {
		return jdbc.sql("SELECT * FROM script WHERE id = ?").param(id).query(Scripts::map).optional();
	}

	/**
	 * Locks the script's row for the rest of the transaction: concurrent changes to one
	 * script queue up.
	 */
	public Optional<Script> findByIdForUpdate(UUID id) {
		return jdbc.sql("SELECT * FROM script WHERE id = ? FOR UPDATE").param(id).query(Scripts::map).optional();
	}

	/**
	 * Scripts the user owns or collaborates on (the access record is this service's own
	 * table).
	 */
	public List<Script> findVisibleTo(String user, int offset, int limit) {
		return jdbc.sql("""
				SELECT s.* FROM script s JOIN script_access a ON a.script_id = s.id AND a.user_id = ?
				ORDER BY s.created_at DESC, s.id LIMIT ? OFFSET ?""")
			.params(user, limit, offset)
			.query(Scripts::map)
			.list();
	}

	public long countVisibleTo(String user) {
		return jdbc.sql("SELECT count(*) FROM script s JOIN script_access a ON a.script_id = s.id AND a.user_id = ?")
			.param(user)
			.query(Long.class)
			.single();
	}

	private static Script map(ResultSet rs, int row) throws SQLException {
		Array authors = rs.getArray("authors");
		TitlePage page = new TitlePage(rs.getString("credit"),
				authors == null ? List.of() : Arrays.asList((String[]) authors.getArray()), rs.getString("source"),
				rs.getString("draft_date"), rs.getString("contact"), entries(rs.getString("other_entries")),
				rs.getString("title_page_indent"));
		Script script = new Script(rs.getObject("id", UUID.class), rs.getString("owner"), rs.getString("title"), page,
				Script.Status.valueOf(rs.getString("status")));
		script.stored(rs.getLong("version"));
		return script;
	}

	private static String json(List<TitlePage.TitleEntry> entries) {
		try {
			return ClaimCheckReader.JSON.writeValueAsString(entries);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<TitlePage.TitleEntry> entries(String json) {
		try {
			return json == null ? List.of()
					: List.of(ClaimCheckReader.JSON.readValue(json, TitlePage.TitleEntry[].class));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
