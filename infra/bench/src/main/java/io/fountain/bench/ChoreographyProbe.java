package io.fountain.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fountain.local.Service;

/** Counts what is left of a play in each service's own database: the moment that reaches zero, a cascade is done. */
final class ChoreographyProbe implements AutoCloseable {

	private static final Map<Service, String> QUERIES = Map.of(Service.SCRIPT, "SELECT count(*) FROM script WHERE id = ?",
			Service.ACT, "SELECT count(*) FROM act WHERE script_id = ?",
			Service.SCENE, "SELECT (SELECT count(*) FROM scene WHERE script_id = ?) + (SELECT count(*) FROM action WHERE script_id = ?)",
			Service.CHARACTER, "SELECT count(*) FROM character WHERE script_id = ?",
			Service.DIALOGUE, "SELECT count(*) FROM dialogue WHERE script_id = ?",
			Service.TRANSITION, "SELECT count(*) FROM transition WHERE script_id = ?");

	private final List<Connection> connections = new ArrayList<>();

	private final List<PreparedStatement> statements = new ArrayList<>();

	ChoreographyProbe(Target target) throws SQLException {
		for (var entry : QUERIES.entrySet()) {
			Connection connection = DriverManager.getConnection(target.jdbcUrls().get(entry.getKey()), target.dbUser(),
					target.dbPassword());
			connections.add(connection);
			statements.add(connection.prepareStatement(entry.getValue()));
		}
	}

	/** Rows of the script still present, all services together. */
	long remaining(UUID scriptId) throws SQLException {
		long rows = 0;
		for (PreparedStatement statement : statements) {
			for (int i = 1; i <= statement.getParameterMetaData().getParameterCount(); i++) {
				statement.setObject(i, scriptId);
			}
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				rows += result.getLong(1);
			}
		}
		return rows;
	}

	@Override
	public void close() throws SQLException {
		for (Connection connection : connections) {
			connection.close();
		}
	}
}
