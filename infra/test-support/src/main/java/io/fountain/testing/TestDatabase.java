package io.fountain.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.springframework.boot.SpringApplication;

/**
 * A fresh PostgreSQL database for a test class (or one service in a system test), on the
 * machine's PostgreSQL, dropped when the JVM exits. Server:
 * {@code -Dfountain.test.postgres.url} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/}), user {@code -Dfountain.test.postgres.user}
 * (default {@code postgres}), password {@code -Dfountain.test.postgres.password} (default
 * empty: trust authentication).
 */
public record TestDatabase(String url, String user, String password, String name) {

	private static final String SERVER = System.getProperty("fountain.test.postgres.url",
			"jdbc:postgresql://127.0.0.1:5432/");

	private static final String USER = System.getProperty("fountain.test.postgres.user", "postgres");

	private static final String PASSWORD = System.getProperty("fountain.test.postgres.password", "");

	public static TestDatabase create(String purpose) {
		String name = "test_" + purpose.replaceAll("[^a-z0-9]", "_") + "_"
				+ UUID.randomUUID().toString().substring(0, 8);
		execute("CREATE DATABASE " + name);
		// After the Spring contexts have closed, so that no pool is cut off mid-work.
		SpringApplication.getShutdownHandlers().add(() -> drop(name));
		return new TestDatabase(SERVER + name, USER, PASSWORD, name);
	}

	private static void drop(String name) {
		try {
			execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
		catch (IllegalStateException ex) {
			System.err.println("Could not drop test database " + name + ": " + ex.getMessage());
		}
	}

	private static void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + SERVER + " refused '" + sql + "': " + ex.getMessage()
					+ ". Integration tests need a PostgreSQL server there (user " + USER + ").", ex);
		}
	}
}
