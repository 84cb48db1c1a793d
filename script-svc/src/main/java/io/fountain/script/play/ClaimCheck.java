package io.fountain.script.play;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.fountain.imports.ClaimCheckReader;

/**
 * The parts of plays being imported, kept here by path until the play is ACTIVE or
 * FAILED, for the services that make them to read ({@code GET
 * /imports/{importId}/<path>}). Events stay small: a feature-length play is megabytes,
 * more than a Kafka message should carry.
 */
@Repository
public class ClaimCheck {

	private final JdbcTemplate jdbc;

	ClaimCheck(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void store(UUID importId, Map<String, List<?>> parts) {
		List<Object[]> rows = parts.entrySet()
			.stream()
			.map(part -> new Object[] { importId, part.getKey(), json(part.getValue()) })
			.toList();
		jdbc.batchUpdate("INSERT INTO import_part (import_id, path, body) VALUES (?, ?, ?)", rows);
	}

	/**
	 * The parts at {@code path}, as JSON; empty when there are none or the import is
	 * over.
	 */
	public Optional<String> read(UUID importId, String path) {
		return jdbc
			.query("SELECT body FROM import_part WHERE import_id = ? AND path = ?", (rs, row) -> rs.getString(1),
					importId, path)
			.stream()
			.findFirst();
	}

	/**
	 * The parts at every path of a family (a path with {@code *} in place of the parent's
	 * id), as one JSON object by path: what a service makes under each of many parents,
	 * read once instead of once per parent. Empty when the import is over.
	 */
	public Optional<String> readFamily(UUID importId, String family) {
		StringBuilder json = new StringBuilder("{");
		jdbc.query("SELECT path, body FROM import_part WHERE import_id = ? AND path LIKE ? ORDER BY path", rs -> {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append(quoted(rs.getString(1))).append(':').append(rs.getString(2));
		}, importId, family.replace("*", "%"));
		if (json.length() == 1 && !Boolean.TRUE.equals(jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM import_part WHERE import_id = ?)", Boolean.class, importId))) {
			return Optional.empty();
		}
		return Optional.of(json.append('}').toString());
	}

	void purge(UUID importId) {
		jdbc.update("DELETE FROM import_part WHERE import_id = ?", importId);
	}

	private static String quoted(String path) {
		try {
			return ClaimCheckReader.JSON.writeValueAsString(path);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String json(List<?> parts) {
		try {
			return ClaimCheckReader.JSON.writeValueAsString(parts);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write the parts of a play: " + ex.getMessage(), ex);
		}
	}

}
