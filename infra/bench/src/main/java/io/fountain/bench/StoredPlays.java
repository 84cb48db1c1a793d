package io.fountain.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.fountain.local.Service;

/**
 * Other plays, stored for the scale figure straight into the six services' databases with
 * SQL: not through the edge, and without events (no topic knows them; they stand for
 * plays made long ago). Each is shaped like a template play
 * ({@link ReferencePlay#feature(int) feature(1)}: 3 acts, 190 scenes, 865 actions, 51
 * characters, 768 dialogue blocks, 97 parentheticals, 34 transitions), with ids made
 * afresh each run from a random seed (the same id in every database, so that each replica
 * names the rows their owner has), and with the rows each service keeps about a real play
 * besides its entities:
 * <ul>
 * <li>every service: {@code script_known} and {@code script_access} (the owner, one of
 * 100 other users), and a {@code processed_event} row for each event it applied while the
 * play was made;</li>
 * <li>script-svc: {@code script} and {@code play} (both ACTIVE) and {@code play_part}
 * (each kind expected and created; the claim check is gone once a play is ACTIVE);</li>
 * <li>the replicas of parents ({@code known_parent}): act-svc and character-svc the
 * script, scene-svc the acts, dialogue-svc the scenes and the characters (with their
 * names), transition-svc the scenes.</li>
 * </ul>
 * Every table written is then vacuumed and analyzed, as autovacuum would have done long
 * ago for plays stored over time. {@link #rowsOf} counts a play's rows table by table, so
 * that a stored play can be compared with a real one; {@link #delete} removes every
 * stored row again.
 */
final class StoredPlays implements AutoCloseable {

	private static final String SCRIPTS = "unnest(?::uuid[]) WITH ORDINALITY AS s(id, p)";

	private final Map<Service, Connection> connections = new EnumMap<>(Service.class);

	private final Map<Service, Set<String>> written = new EnumMap<>(Service.class);

	private final String seed = UUID.randomUUID().toString();

	private final ReferencePlay template;

	private final UUID[] scriptIds;

	private final Template t;

	StoredPlays(Target target, ReferencePlay template, int count) throws SQLException {
		this.template = template;
		this.t = new Template(template);
		this.scriptIds = new UUID[count];
		for (int i = 0; i < count; i++) {
			scriptIds[i] = UUID.randomUUID();
		}
		for (Service service : Service.backends()) {
			Connection connection = DriverManager.getConnection(target.jdbcUrls().get(service), target.dbUser(),
					target.dbPassword());
			connection.setAutoCommit(true);
			connections.put(service, connection);
			written.put(service, new LinkedHashSet<>());
		}
	}

	int count() {
		return scriptIds.length;
	}

	/** A stored play, to compare with a real one. */
	UUID first() {
		return scriptIds[0];
	}

	/**
	 * Stores the plays; answers the rows written, all tables of all services together.
	 */
	long load() throws SQLException {
		long rows = 0;
		for (Service service : Service.backends()) {
			rows += insert(service, "script_known", "INSERT INTO script_known (script_id) SELECT s.id FROM " + SCRIPTS);
			rows += insert(service, "script_access",
					"INSERT INTO script_access (script_id, user_id, role) SELECT s.id, " + owner() + ", 'owner' FROM "
							+ SCRIPTS);
		}

		rows += insert(Service.SCRIPT, "script", """
				INSERT INTO script (id, owner, title, authors, status, created_at, updated_at)
				SELECT s.id, %s, '%s (stored ' || s.p || ')', ARRAY['Fountain bench'], 'ACTIVE', %s, %s FROM %s"""
			.formatted(owner(), template.title().replace("'", "''"), made(), made(), SCRIPTS));
		rows += insert(Service.SCRIPT, "play", """
				INSERT INTO play (script_id, owner, status, import_id, started_at, finished_at)
				SELECT s.id, %s, 'ACTIVE', %s, %s, %s FROM %s""".formatted(owner(), id("import", "0"), made(), made(),
				SCRIPTS));
		rows += insert(Service.SCRIPT, "play_part",
				"INSERT INTO play_part (script_id, kind, expected, created) " + "SELECT s.id, k.kind, k.n, k.n FROM "
						+ SCRIPTS + ", unnest(?::text[], ?::int[]) AS k(kind, n)",
				new String[] { "act", "scene", "action", "character", "dialogue", "parenthetical", "transition" },
				new Integer[] { t.acts(), t.scenes(), t.actionScene.size(), t.characters(), t.dialogueScene.size(),
						t.parentheticalOf.size(), t.transitionScene.size() });
		rows += processedEvents(Service.SCRIPT, "insert",
				Map.of("fountain.act.events", t.acts(), "fountain.scene.events", t.scenes(), "fountain.action.events",
						t.actionScene.size(), "fountain.character.events", t.characters(), "fountain.dialogue.events",
						t.dialogueScene.size(), "fountain.transition.events", t.transitionScene.size()));

		rows += insert(Service.ACT, "act",
				"INSERT INTO act (id, script_id, ordinal, title) SELECT " + id("act", "a.i")
						+ ", s.id, a.i, a.title FROM " + SCRIPTS + ", unnest(?::text[]) WITH ORDINALITY AS a(title, i)",
				(Object) t.actTitles.toArray(String[]::new));
		rows += knownScript(Service.ACT);
		rows += processedEvents(Service.ACT, "insert", Map.of("fountain.script.events", 1));

		rows += insert(Service.SCENE, "scene",
				"INSERT INTO scene (id, script_id, act_id, heading, ordinal) SELECT " + id("scene", "c.i") + ", s.id, "
						+ id("act", "c.act") + ", c.heading, c.ordinal FROM " + SCRIPTS
						+ ", unnest(?::int[], ?::int[], ?::text[]) WITH ORDINALITY AS c(act, ordinal, heading, i)",
				t.sceneAct.toArray(Integer[]::new), t.sceneOrdinal.toArray(Integer[]::new),
				t.sceneHeading.toArray(String[]::new));
		rows += insert(Service.SCENE, "action",
				"INSERT INTO action (id, script_id, scene_id, text, kind, position) SELECT " + id("action", "e.i")
						+ ", s.id, " + id("scene", "e.scene") + ", e.text, 'PLAIN', e.position FROM " + SCRIPTS
						+ ", unnest(?::int[], ?::text[], ?::text[]) WITH ORDINALITY AS e(scene, position, text, i)",
				t.actionScene.toArray(Integer[]::new), t.actionPosition.toArray(String[]::new),
				t.actionText.toArray(String[]::new));
		rows += knownParents(Service.SCENE, "act", t.acts());
		rows += processedEvents(Service.SCENE, "insert", Map.of("fountain.act.events", t.acts()));

		rows += insert(Service.CHARACTER, "character",
				"INSERT INTO character (id, script_id, name) SELECT " + id("character", "c.i") + ", s.id, c.name FROM "
						+ SCRIPTS + ", unnest(?::text[]) WITH ORDINALITY AS c(name, i)",
				(Object) template.characters().toArray(String[]::new));
		rows += knownScript(Service.CHARACTER);
		rows += processedEvents(Service.CHARACTER, "insert", Map.of("fountain.script.events", 1));

		rows += insert(Service.DIALOGUE, "dialogue",
				"""
						INSERT INTO dialogue (id, script_id, scene_id, character_id, text, position)
						SELECT %s, s.id, %s, %s, e.text, e.position FROM %s,
						unnest(?::int[], ?::int[], ?::text[], ?::text[]) WITH ORDINALITY AS e(scene, speaker, position, text, i)"""
					.formatted(id("dialogue", "e.i"), id("scene", "e.scene"), id("character", "e.speaker"), SCRIPTS),
				t.dialogueScene.toArray(Integer[]::new), t.dialogueCharacter.toArray(Integer[]::new),
				t.dialoguePosition.toArray(String[]::new), t.dialogueText.toArray(String[]::new));
		rows += insert(Service.DIALOGUE, "parenthetical",
				"""
						INSERT INTO parenthetical (id, dialogue_id, ordinal, text, before_line)
						SELECT %s, %s, 0, 'beat', 0 FROM %s, unnest(?::int[]) AS d(i)"""
					.formatted(id("parenthetical", "d.i"), id("dialogue", "d.i"), SCRIPTS),
				(Object) t.parentheticalOf.toArray(Integer[]::new));
		rows += knownParents(Service.DIALOGUE, "scene", t.scenes());
		rows += insert(Service.DIALOGUE, "known_parent",
				"INSERT INTO known_parent (kind, id, script_id, name) SELECT " + "'character', "
						+ id("character", "c.i") + ", s.id, c.name FROM " + SCRIPTS
						+ ", unnest(?::text[]) WITH ORDINALITY AS c(name, i)",
				(Object) template.characters().toArray(String[]::new));
		rows += processedEvents(Service.DIALOGUE, "insert",
				Map.of("fountain.scene.events", t.scenes(), "fountain.character.events", t.characters()));

		rows += insert(Service.TRANSITION, "transition",
				"INSERT INTO transition (id, script_id, scene_id, text, position) " + "SELECT "
						+ id("transition", "e.i") + ", s.id, " + id("scene", "e.scene") + ", e.text, e.position FROM "
						+ SCRIPTS
						+ ", unnest(?::int[], ?::text[], ?::text[]) WITH ORDINALITY AS e(scene, position, text, i)",
				t.transitionScene.toArray(Integer[]::new), t.transitionPosition.toArray(String[]::new),
				t.transitionText.toArray(String[]::new));
		rows += knownParents(Service.TRANSITION, "scene", t.scenes());
		rows += processedEvents(Service.TRANSITION, "insert", Map.of("fountain.scene.events", t.scenes()));

		for (Service service : Service.backends()) {
			try (Statement statement = connections.get(service).createStatement()) {
				for (String table : written.get(service)) {
					statement.execute("VACUUM (ANALYZE) " + table);
				}
			}
		}
		return rows;
	}

	/**
	 * The script's rows in each table of each service that has a {@code script_id} column
	 * (and script-svc's {@code script}, dialogue-svc's {@code parenthetical} through its
	 * dialogue), by {@code service.table}.
	 */
	Map<String, Long> rowsOf(UUID scriptId) throws SQLException {
		Map<String, Long> rows = new LinkedHashMap<>();
		for (Service service : Service.backends()) {
			for (String table : tablesWithScriptId(service)) {
				rows.put(service.module() + "." + table,
						single(service, "SELECT count(*) FROM " + table + " WHERE script_id = ?", scriptId));
			}
		}
		rows.put("script-svc.script", single(Service.SCRIPT, "SELECT count(*) FROM script WHERE id = ?", scriptId));
		rows.put("dialogue-svc.parenthetical", single(Service.DIALOGUE,
				"SELECT count(*) FROM parenthetical p JOIN dialogue d ON d.id = p.dialogue_id WHERE d.script_id = ?",
				scriptId));
		return rows;
	}

	/** Removes every row the plays were stored with; answers how many. */
	long delete() throws SQLException {
		long rows = update(Service.DIALOGUE, "DELETE FROM parenthetical WHERE dialogue_id IN "
				+ "(SELECT d.id FROM dialogue d WHERE d.script_id IN (SELECT s.id FROM " + SCRIPTS + "))");
		for (Service service : Service.backends()) {
			for (String table : tablesWithScriptId(service)) {
				rows += update(service,
						"DELETE FROM " + table + " WHERE script_id IN (SELECT s.id FROM " + SCRIPTS + ")");
			}
		}
		rows += update(Service.SCRIPT, "DELETE FROM script WHERE id IN (SELECT s.id FROM " + SCRIPTS + ")");
		rows += processedEvents(Service.SCRIPT, "delete",
				Map.of("fountain.act.events", t.acts(), "fountain.scene.events", t.scenes(), "fountain.action.events",
						t.actionScene.size(), "fountain.character.events", t.characters(), "fountain.dialogue.events",
						t.dialogueScene.size(), "fountain.transition.events", t.transitionScene.size()));
		rows += processedEvents(Service.ACT, "delete", Map.of("fountain.script.events", 1));
		rows += processedEvents(Service.SCENE, "delete", Map.of("fountain.act.events", t.acts()));
		rows += processedEvents(Service.CHARACTER, "delete", Map.of("fountain.script.events", 1));
		rows += processedEvents(Service.DIALOGUE, "delete",
				Map.of("fountain.scene.events", t.scenes(), "fountain.character.events", t.characters()));
		rows += processedEvents(Service.TRANSITION, "delete", Map.of("fountain.scene.events", t.scenes()));
		return rows;
	}

	@Override
	public void close() throws SQLException {
		for (Connection connection : connections.values()) {
			connection.close();
		}
	}

	/** A replica's row of each play's script (act-svc, character-svc). */
	private long knownScript(Service service) throws SQLException {
		return insert(service, "known_parent",
				"INSERT INTO known_parent (kind, id, script_id) SELECT 'script', s.id, s.id FROM " + SCRIPTS);
	}

	/**
	 * A replica's rows of each play's parents of a kind, the first {@code count} of the
	 * template's.
	 */
	private long knownParents(Service service, String kind, int count) throws SQLException {
		return insert(service, "known_parent", "INSERT INTO known_parent (kind, id, script_id) SELECT '" + kind + "', "
				+ id(kind, "k.i") + ", s.id FROM " + SCRIPTS + ", generate_series(1, ?) AS k(i)", count);
	}

	/**
	 * The ids of the events a service applied while each play was made ({@code counts}:
	 * by topic), inserted or deleted: made from the seed, so that the same statement
	 * finds them again.
	 */
	private long processedEvents(Service service, String what, Map<String, Integer> counts) throws SQLException {
		String events = "SELECT " + id("event", "e.topic || ':' || i") + " AS event_id, e.topic FROM " + SCRIPTS
				+ ", unnest(?::text[], ?::int[]) AS e(topic, n), generate_series(1, e.n) AS i";
		String[] topics = counts.keySet().toArray(String[]::new);
		Integer[] numbers = counts.values().toArray(Integer[]::new);
		return what.equals("insert")
				? insert(service, "processed_event", "INSERT INTO processed_event (event_id, topic) " + events, topics,
						numbers)
				: update(service,
						"DELETE FROM processed_event WHERE event_id IN (SELECT event_id FROM (" + events + ") AS x)",
						topics, numbers);
	}

	private long insert(Service service, String table, String sql, Object... parameters) throws SQLException {
		written.get(service).add(table);
		return update(service, sql, parameters);
	}

	/**
	 * Runs the statement with the script ids as its first parameter, then
	 * {@code parameters}: every statement names the plays ({@link #SCRIPTS}) before any
	 * other parameter.
	 */
	private long update(Service service, String sql, Object... parameters) throws SQLException {
		Connection connection = connections.get(service);
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			bind(connection, statement, parameters);
			return statement.executeLargeUpdate();
		}
		catch (SQLException ex) {
			throw new SQLException("Storing plays in " + service.module() + " failed (has its schema changed?): "
					+ ex.getMessage() + "\n" + sql, ex);
		}
	}

	private long single(Service service, String sql, UUID scriptId) throws SQLException {
		try (PreparedStatement statement = connections.get(service).prepareStatement(sql)) {
			statement.setObject(1, scriptId);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

	private List<String> tablesWithScriptId(Service service) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Statement statement = connections.get(service).createStatement();
				ResultSet result = statement.executeQuery(
						"""
								SELECT c.table_name FROM information_schema.columns c
								JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
								WHERE c.table_schema = current_schema() AND c.column_name = 'script_id' AND t.table_type = 'BASE TABLE'
								ORDER BY c.table_name""")) {
			while (result.next()) {
				tables.add(result.getString(1));
			}
		}
		return tables;
	}

	private void bind(Connection connection, PreparedStatement statement, Object... parameters) throws SQLException {
		statement.setArray(1, connection.createArrayOf("uuid", scriptIds));
		int index = 2;
		for (Object parameter : parameters) {
			Array array = switch (parameter) {
				case Integer[] numbers -> connection.createArrayOf("integer", numbers);
				case String[] texts -> connection.createArrayOf("text", texts);
				default -> null;
			};
			if (array != null) {
				statement.setArray(index++, array);
			}
			else {
				statement.setObject(index++, parameter);
			}
		}
	}

	/**
	 * The id of a play's part: {@code kind}, the play's number {@code s.p} and an index
	 * (a SQL expression).
	 */
	private String id(String kind, String index) {
		return "md5('" + seed + ":" + kind + ":' || s.p || ':' || " + index + ")::uuid";
	}

	/** One of 100 other users. */
	private static String owner() {
		return "'stored-' || (s.p % 100)";
	}

	/** Plays made one a minute, the first just now. */
	private static String made() {
		return "now() - s.p * interval '1 minute'";
	}

	/** The template's parts as columns (1-based indexes), as the statements take them. */
	private static final class Template {

		final List<String> actTitles = new ArrayList<>();

		final List<Integer> sceneAct = new ArrayList<>();

		final List<Integer> sceneOrdinal = new ArrayList<>();

		final List<String> sceneHeading = new ArrayList<>();

		final List<Integer> actionScene = new ArrayList<>();

		final List<String> actionPosition = new ArrayList<>();

		final List<String> actionText = new ArrayList<>();

		final List<Integer> dialogueScene = new ArrayList<>();

		final List<Integer> dialogueCharacter = new ArrayList<>();

		final List<String> dialoguePosition = new ArrayList<>();

		final List<String> dialogueText = new ArrayList<>();

		final List<Integer> parentheticalOf = new ArrayList<>();

		final List<Integer> transitionScene = new ArrayList<>();

		final List<String> transitionPosition = new ArrayList<>();

		final List<String> transitionText = new ArrayList<>();

		private final int characters;

		Template(ReferencePlay play) {
			characters = play.characters().size();
			int scene = 0;
			for (int a = 0; a < play.acts().size(); a++) {
				ReferencePlay.Act act = play.acts().get(a);
				actTitles.add(act.title());
				for (int s = 0; s < act.scenes().size(); s++) {
					ReferencePlay.Scene content = act.scenes().get(s);
					scene++;
					sceneAct.add(a + 1);
					sceneOrdinal.add(s + 1);
					sceneHeading.add(content.heading());
					for (int e = 0; e < content.elements().size(); e++) {
						ReferencePlay.Element element = content.elements().get(e);
						String position = position(e);
						switch (element.type()) {
							case "action" -> {
								actionScene.add(scene);
								actionPosition.add(position);
								actionText.add(element.text());
							}
							case "transition" -> {
								transitionScene.add(scene);
								transitionPosition.add(position);
								transitionText.add(element.text());
							}
							default -> {
								dialogueScene.add(scene);
								dialogueCharacter.add(element.character() + 1);
								dialoguePosition.add(position);
								dialogueText.add(element.text());
								if (element.parentheticals() > 0) {
									parentheticalOf.add(dialogueScene.size());
								}
							}
						}
					}
				}
			}
		}

		int acts() {
			return actTitles.size();
		}

		int scenes() {
			return sceneAct.size();
		}

		int characters() {
			return characters;
		}

		/**
		 * The key an imported play's element at this index of its scene gets
		 * ({@code Position.ofIndex}: "0", four base-62 digits of index + 1, "V").
		 */
		static String position(int index) {
			String digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
			StringBuilder key = new StringBuilder();
			long value = index + 1L;
			for (int i = 0; i < 4; i++) {
				key.insert(0, digits.charAt((int) (value % 62)));
				value /= 62;
			}
			return "0" + key + "V";
		}

	}

}
