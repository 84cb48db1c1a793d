package io.fountain.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.fountain.local.LocalStack;
import io.fountain.local.Service;

/**
 * Reads each service's own database directly: what no API would show, such as a row left
 * behind.
 */
final class Databases {

	private final LocalStack stack;

	Databases(LocalStack stack) {
		this.stack = stack;
	}

	Set<UUID> ids(Service service, String sql) {
		Set<UUID> ids = new HashSet<>();
		query(service, sql, rs -> ids.add(rs.getObject(1, UUID.class)));
		return ids;
	}

	/** The ids of a table's rows, by their script. */
	Map<UUID, List<UUID>> idsByScript(Service service, String table) {
		Map<UUID, List<UUID>> ids = new HashMap<>();
		query(service, "SELECT script_id, id FROM " + table,
				rs -> ids.computeIfAbsent(rs.getObject(1, UUID.class), script -> new ArrayList<>())
					.add(rs.getObject(2, UUID.class)));
		return ids;
	}

	/** Rows per script of a table. */
	Map<UUID, Integer> perScript(Service service, String sql) {
		Map<UUID, Integer> rows = new HashMap<>();
		query(service, sql, rs -> rows.put(rs.getObject(1, UUID.class), rs.getInt(2)));
		return rows;
	}

	/** Rows of {@code table} whose {@code column} names none of {@code parents}. */
	int orphans(Service service, String table, String column, Set<UUID> parents) {
		int[] orphans = { 0 };
		query(service, "SELECT " + column + " FROM " + table, rs -> {
			if (!parents.contains(rs.getObject(1, UUID.class))) {
				orphans[0]++;
			}
		});
		return orphans[0];
	}

	long count(Service service, String sql) {
		long[] count = { 0 };
		query(service, sql, rs -> count[0] = rs.getLong(1));
		return count[0];
	}

	/** The plays' states in script-svc (status by script id). */
	Map<UUID, String> playStates() {
		Map<UUID, String> states = new HashMap<>();
		query(Service.SCRIPT, "SELECT script_id, status FROM play",
				rs -> states.put(rs.getObject(1, UUID.class), rs.getString(2)));
		return states;
	}

	int outboxBacklog() {
		int total = 0;
		for (Service service : Service.backends()) {
			total += (int) count(service, "SELECT count(*) FROM outbox");
		}
		return total;
	}

	/**
	 * The fixes the services' reconciliation has made, from each database's
	 * {@code reconciliation_fix} (the metric would start again at zero in a service
	 * restarted during the round; the table does not).
	 */
	long reconciliationFixes() {
		long total = 0;
		for (Service service : Service.backends()) {
			total += count(service, "SELECT count(*) FROM reconciliation_fix");
		}
		return total;
	}

	/**
	 * Runs {@code sql} as the superuser in the maintenance database (to take a service's
	 * database away).
	 */
	void admin(String sql) {
		try (Connection connection = DriverManager.getConnection(
				stack.jdbcUrl(Service.SCRIPT).replaceAll("/[^/]*$", "/postgres"), stack.databaseUser(),
				stack.databasePassword()); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL: " + ex.getMessage(), ex);
		}
	}

	String database(Service service) {
		String url = stack.jdbcUrl(service);
		return url.substring(url.lastIndexOf('/') + 1);
	}

	private interface Row {

		void read(ResultSet rs) throws SQLException;

	}

	private void query(Service service, String sql, Row row) {
		try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(service), stack.databaseUser(),
				stack.databasePassword());
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				row.read(rs);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(service.module() + ": " + ex.getMessage() + " (" + sql + ")", ex);
		}
	}

	static List<Service> services() {
		return new ArrayList<>(Service.backends());
	}

}
