package io.fountain.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The floor: the same play in one PostgreSQL schema with foreign keys
 * {@code ON DELETE CASCADE} and every parent column indexed, on the same server. Deleting
 * a script is one statement; creating a play is one transaction of batched inserts.
 */
final class MonolithFloor implements AutoCloseable {

	private static final String SCHEMA = """
			DROP SCHEMA IF EXISTS monolith CASCADE;
			CREATE SCHEMA monolith;
			SET search_path = monolith;
			CREATE TABLE script (id UUID PRIMARY KEY, title TEXT NOT NULL);
			CREATE TABLE character (id UUID PRIMARY KEY, script_id UUID NOT NULL REFERENCES script ON DELETE CASCADE, name TEXT NOT NULL);
			CREATE TABLE act (id UUID PRIMARY KEY, script_id UUID NOT NULL REFERENCES script ON DELETE CASCADE, ordinal INT NOT NULL, title TEXT);
			CREATE TABLE scene (id UUID PRIMARY KEY, act_id UUID NOT NULL REFERENCES act ON DELETE CASCADE, ordinal INT NOT NULL, heading TEXT NOT NULL);
			CREATE TABLE action (id UUID PRIMARY KEY, scene_id UUID NOT NULL REFERENCES scene ON DELETE CASCADE, text TEXT NOT NULL, position TEXT NOT NULL);
			CREATE TABLE dialogue (id UUID PRIMARY KEY, scene_id UUID NOT NULL REFERENCES scene ON DELETE CASCADE,
			    character_id UUID NOT NULL REFERENCES character ON DELETE CASCADE, text TEXT NOT NULL, position TEXT NOT NULL);
			CREATE TABLE parenthetical (id UUID PRIMARY KEY, dialogue_id UUID NOT NULL REFERENCES dialogue ON DELETE CASCADE, text TEXT NOT NULL);
			CREATE TABLE transition (id UUID PRIMARY KEY, scene_id UUID NOT NULL REFERENCES scene ON DELETE CASCADE, text TEXT NOT NULL, position TEXT NOT NULL);
			CREATE INDEX ON character (script_id); CREATE INDEX ON act (script_id); CREATE INDEX ON scene (act_id);
			CREATE INDEX ON action (scene_id); CREATE INDEX ON dialogue (scene_id); CREATE INDEX ON dialogue (character_id);
			CREATE INDEX ON parenthetical (dialogue_id); CREATE INDEX ON transition (scene_id);
			""";

	private final Connection connection;

	MonolithFloor(String serverUrl, String database, String user, String password) throws SQLException {
		try (Connection admin = DriverManager.getConnection(serverUrl + "postgres", user, password);
				Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			statement.execute("CREATE DATABASE " + database);
		}
		connection = DriverManager.getConnection(serverUrl + database, user, password);
		try (Statement statement = connection.createStatement()) {
			statement.execute(SCHEMA);
		}
	}

	/**
	 * Inserts the whole play in one transaction of batched statements; answers its id and
	 * the time it took.
	 */
	Timed<UUID> insert(ReferencePlay play) throws SQLException {
		long start = System.nanoTime();
		UUID script = UUID.randomUUID();
		connection.setAutoCommit(false);
		try (PreparedStatement scripts = connection.prepareStatement("INSERT INTO script VALUES (?, ?)");
				PreparedStatement characters = connection.prepareStatement("INSERT INTO character VALUES (?, ?, ?)");
				PreparedStatement acts = connection.prepareStatement("INSERT INTO act VALUES (?, ?, ?, ?)");
				PreparedStatement scenes = connection.prepareStatement("INSERT INTO scene VALUES (?, ?, ?, ?)");
				PreparedStatement actions = connection.prepareStatement("INSERT INTO action VALUES (?, ?, ?, ?)");
				PreparedStatement dialogues = connection
					.prepareStatement("INSERT INTO dialogue VALUES (?, ?, ?, ?, ?)");
				PreparedStatement parentheticals = connection
					.prepareStatement("INSERT INTO parenthetical VALUES (?, ?, ?)");
				PreparedStatement transitions = connection
					.prepareStatement("INSERT INTO transition VALUES (?, ?, ?, ?)")) {
			scripts.setObject(1, script);
			scripts.setString(2, play.title());
			scripts.executeUpdate();
			List<UUID> cast = new ArrayList<>();
			for (String name : play.characters()) {
				UUID id = UUID.randomUUID();
				cast.add(id);
				characters.setObject(1, id);
				characters.setObject(2, script);
				characters.setString(3, name);
				characters.addBatch();
			}
			characters.executeBatch();
			int actOrdinal = 0;
			for (ReferencePlay.Act act : play.acts()) {
				UUID actId = UUID.randomUUID();
				acts.setObject(1, actId);
				acts.setObject(2, script);
				acts.setInt(3, ++actOrdinal);
				acts.setString(4, act.title());
				acts.addBatch();
				int sceneOrdinal = 0;
				for (ReferencePlay.Scene scene : act.scenes()) {
					UUID sceneId = UUID.randomUUID();
					scenes.setObject(1, sceneId);
					scenes.setObject(2, actId);
					scenes.setInt(3, ++sceneOrdinal);
					scenes.setString(4, scene.heading());
					scenes.addBatch();
					int position = 0;
					for (ReferencePlay.Element e : scene.elements()) {
						String key = String.format("%08d", ++position);
						UUID id = UUID.randomUUID();
						PreparedStatement target = switch (e.type()) {
							case "action" -> actions;
							case "transition" -> transitions;
							default -> dialogues;
						};
						target.setObject(1, id);
						target.setObject(2, sceneId);
						if (e.type().equals("dialogue")) {
							target.setObject(3, cast.get(e.character()));
							target.setString(4, e.text());
							target.setString(5, key);
							for (int p = 0; p < e.parentheticals(); p++) {
								parentheticals.setObject(1, UUID.randomUUID());
								parentheticals.setObject(2, id);
								parentheticals.setString(3, "beat");
								parentheticals.addBatch();
							}
						}
						else {
							target.setString(3, e.text());
							target.setString(4, key);
						}
						target.addBatch();
					}
				}
			}
			acts.executeBatch();
			scenes.executeBatch();
			actions.executeBatch();
			dialogues.executeBatch();
			parentheticals.executeBatch();
			transitions.executeBatch();
			connection.commit();
		}
		finally {
			connection.setAutoCommit(true);
		}
		return new Timed<>(script, System.nanoTime() - start);
	}

	/**
	 * Deletes the script and, by the foreign keys, everything under it; answers the time
	 * it took.
	 */
	long delete(UUID script) throws SQLException {
		long start = System.nanoTime();
		try (PreparedStatement delete = connection.prepareStatement("DELETE FROM script WHERE id = ?")) {
			delete.setObject(1, script);
			delete.executeUpdate();
		}
		return System.nanoTime() - start;
	}

	@Override
	public void close() throws SQLException {
		connection.close();
	}

	record Timed<T>(T value, long nanos) {
	}

}
