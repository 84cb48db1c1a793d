package io.fountain.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fountain.local.Service;

/**
 * Counts what is left of a play in each service's own database: the moment that reaches
 * zero, a cascade is done. It polls with a pause between rounds, so that on two cores it
 * does not take one of them from the system it measures; the end of a cascade is known to
 * within one round (its queries and the pause).
 */
final class ChoreographyProbe implements AutoCloseable {

	/** Between two rounds of queries. */
	static final Duration PAUSE = Duration.ofMillis(2);

	private static final Map<Service, String> QUERIES = Map.of(Service.SCRIPT,
			"SELECT count(*) FROM script WHERE id = ?", Service.ACT, "SELECT count(*) FROM act WHERE script_id = ?",
			Service.SCENE,
			"SELECT (SELECT count(*) FROM scene WHERE script_id = ?) + (SELECT count(*) FROM action WHERE script_id = ?)",
			Service.CHARACTER, "SELECT count(*) FROM character WHERE script_id = ?", Service.DIALOGUE,
			"SELECT count(*) FROM dialogue WHERE script_id = ?", Service.TRANSITION,
			"SELECT count(*) FROM transition WHERE script_id = ?");

	private final List<Connection> connections = new ArrayList<>();

	private final Map<Service, Count> counts = new EnumMap<>(Service.class);

	private long rounds;

	private long pollingNanos;

	/**
	 * The play's status in script-svc's own table (what GET /scripts/{id}/status
	 * answers).
	 */
	private final PreparedStatement playStatus;

	ChoreographyProbe(Target target) throws SQLException {
		Connection script = DriverManager.getConnection(target.jdbcUrls().get(Service.SCRIPT), target.dbUser(),
				target.dbPassword());
		connections.add(script);
		playStatus = script.prepareStatement("SELECT status FROM play WHERE script_id = ?");
		for (var entry : QUERIES.entrySet()) {
			Connection connection = DriverManager.getConnection(target.jdbcUrls().get(entry.getKey()), target.dbUser(),
					target.dbPassword());
			connections.add(connection);
			counts.put(entry.getKey(), new Count(connection.prepareStatement(entry.getValue()),
					(int) entry.getValue().chars().filter(c -> c == '?').count()));
		}
	}

	/**
	 * Waits until the play is ACTIVE, asking script-svc's table every {@link #PAUSE}
	 * (through the edge, every 10 ms, the asking took a good part of the two cores from
	 * the saga it timed).
	 * @throws IllegalStateException when it ends otherwise, or is still PENDING at the
	 * deadline
	 */
	void awaitActive(UUID scriptId, long deadlineNanos) throws SQLException, InterruptedException {
		playStatus.setObject(1, scriptId);
		while (true) {
			String status;
			try (ResultSet result = playStatus.executeQuery()) {
				status = result.next() ? result.getString(1) : "PENDING"; // not yet
																			// committed
			}
			if (status.equals("ACTIVE")) {
				return;
			}
			if (!status.equals("PENDING") || System.nanoTime() > deadlineNanos) {
				throw new IllegalStateException("The play " + scriptId + " ended " + status + " instead of ACTIVE");
			}
			Thread.sleep(PAUSE);
		}
	}

	/** Rows of the script still present, all services together. */
	long remaining(UUID scriptId) throws SQLException {
		long rows = 0;
		for (Count count : counts.values()) {
			rows += count.of(scriptId);
		}
		return rows;
	}

	/**
	 * Returns once no row of the script is left in any service. Each round asks only the
	 * services that still had rows (rows of a deleted script cannot come back: nothing is
	 * made under a script known deleted), then pauses {@link #PAUSE}.
	 * @throws IllegalStateException when rows are still left at {@code deadlineNanos}
	 * ({@link System#nanoTime()})
	 */
	void awaitGone(UUID scriptId, long deadlineNanos) throws InterruptedException {
		long start = System.nanoTime();
		List<Count> left = new ArrayList<>(counts.values());
		try {
			while (true) {
				rounds++;
				left.removeIf(count -> count.of(scriptId) == 0);
				if (left.isEmpty()) {
					return;
				}
				if (System.nanoTime() > deadlineNanos) {
					throw new IllegalStateException("The cascade of " + scriptId + " left rows in "
							+ counts.entrySet()
								.stream()
								.filter(e -> left.contains(e.getValue()))
								.map(e -> e.getKey().module())
								.toList());
				}
				Thread.sleep(PAUSE);
			}
		}
		finally {
			pollingNanos += System.nanoTime() - start;
		}
	}

	/**
	 * Rounds of {@link #awaitGone} so far, and their mean length in milliseconds (queries
	 * and pause): the resolution.
	 */
	Map<String, Object> resolution() {
		return Map.of("pauseMs", PAUSE.toMillis(), "rounds", rounds, "meanRoundMs",
				Bench.round(rounds == 0 ? 0 : pollingNanos / 1e6 / rounds));
	}

	/**
	 * A service's count of a script's rows: its statement, with the script id in each of
	 * its parameters.
	 */
	private record Count(PreparedStatement statement, int parameters) {

		long of(UUID scriptId) {
			try {
				for (int i = 1; i <= parameters; i++) {
					statement.setObject(i, scriptId);
				}
				try (ResultSet result = statement.executeQuery()) {
					result.next();
					return result.getLong(1);
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("The probe's query failed: " + ex.getMessage(), ex);
			}
		}
	}

	@Override
	public void close() throws SQLException {
		for (Connection connection : connections) {
			connection.close();
		}
	}

}
