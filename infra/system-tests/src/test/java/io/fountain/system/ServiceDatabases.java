package io.fountain.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fountain.local.LocalStack;
import io.fountain.local.Service;

/**
 * Looks straight into each service's own database, to check what no API would show: a row
 * left behind.
 */
final class ServiceDatabases {

	/** Each service's tables of entities, and how each row names its script. */
	private static final Map<Service, List<String>> ENTITY_TABLES = Map.of(Service.SCRIPT, List.of("script"),
			Service.ACT, List.of("act"), Service.SCENE, List.of("scene", "action"), Service.CHARACTER,
			List.of("character"), Service.DIALOGUE, List.of("dialogue"), Service.TRANSITION, List.of("transition"));

	private final LocalStack stack;

	ServiceDatabases(LocalStack stack) {
		this.stack = stack;
	}

	/**
	 * Rows of the script in every entity table of every service, by service and table;
	 * only non-zero counts.
	 */
	Map<String, Integer> rowsOf(UUID scriptId) {
		Map<String, Integer> rows = new LinkedHashMap<>();
		ENTITY_TABLES.forEach((service, tables) -> {
			for (String table : tables) {
				String column = table.equals("script") ? "id" : "script_id";
				int count = queryInt(service,
						"SELECT count(*) FROM " + table + " WHERE " + column + " = '" + scriptId + "'");
				if (count > 0) {
					rows.put(service.module() + "." + table, count);
				}
			}
		});
		int parentheticals = queryInt(Service.DIALOGUE, "SELECT count(*) FROM parenthetical p WHERE NOT EXISTS "
				+ "(SELECT 1 FROM dialogue d WHERE d.id = p.dialogue_id)");
		if (parentheticals > 0) {
			rows.put("dialogue-svc.parenthetical (orphaned)", parentheticals);
		}
		return rows;
	}

	/**
	 * The play's parts by kind as the databases hold them (act, scene, action, character,
	 * dialogue, parenthetical, transition): what a play's status must agree with.
	 */
	Map<String, Integer> partsOf(UUID scriptId) {
		Map<String, Integer> parts = new LinkedHashMap<>();
		String where = " WHERE script_id = '" + scriptId + "'";
		parts.put("act", queryInt(Service.ACT, "SELECT count(*) FROM act" + where));
		parts.put("scene", queryInt(Service.SCENE, "SELECT count(*) FROM scene" + where));
		parts.put("action", queryInt(Service.SCENE, "SELECT count(*) FROM action" + where));
		parts.put("character", queryInt(Service.CHARACTER, "SELECT count(*) FROM character" + where));
		parts.put("dialogue", queryInt(Service.DIALOGUE, "SELECT count(*) FROM dialogue" + where));
		parts.put("parenthetical",
				queryInt(Service.DIALOGUE,
						"SELECT count(*) FROM parenthetical p JOIN dialogue d ON d.id = p.dialogue_id"
								+ where.replace("script_id", "d.script_id")));
		parts.put("transition", queryInt(Service.TRANSITION, "SELECT count(*) FROM transition" + where));
		return parts;
	}

	/** The ids of the play's acts, straight from act-svc's database. */
	java.util.List<UUID> actsOf(UUID scriptId) {
		String ids = queryString(Service.ACT,
				"SELECT coalesce(string_agg(id::text, ',' ORDER BY ordinal), '') FROM act WHERE script_id = '"
						+ scriptId + "'");
		return ids.isEmpty() ? java.util.List.of()
				: java.util.Arrays.stream(ids.split(",")).map(UUID::fromString).toList();
	}

	/**
	 * A fingerprint of everything each service holds: its entities, its parents' replica,
	 * its outbox, who may see what.
	 */
	Map<String, String> fingerprint() {
		Map<String, String> prints = new LinkedHashMap<>();
		ENTITY_TABLES.forEach((service, tables) -> {
			for (String table : tables) {
				prints.put(service.module() + "." + table, queryString(service,
						"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY t.id)), '') FROM "
								+ table + " t"));
			}
			prints.put(service.module() + ".known_parent", queryString(service,
					"SELECT count(*) || ':' || coalesce(md5(string_agg(kind || id || script_id || deleted || coalesce(name, ''), ',' ORDER BY kind, id)), '') FROM known_parent"));
			prints.put(service.module() + ".outbox", queryString(service, "SELECT count(*)::text FROM outbox"));
			prints.put(service.module() + ".script_access", queryString(service,
					"SELECT count(*) || ':' || coalesce(md5(string_agg(script_id || user_id || role, ',' ORDER BY script_id, user_id)), '') FROM script_access"));
		});
		return prints;
	}

	int outboxBacklog() {
		return ENTITY_TABLES.keySet().stream().mapToInt(s -> queryInt(s, "SELECT count(*) FROM outbox")).sum();
	}

	int queryInt(Service service, String sql) {
		return Integer.parseInt(queryString(service, sql));
	}

	private String queryString(Service service, String sql) {
		try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(service), stack.databaseUser(),
				stack.databasePassword());
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(service.module() + ": " + ex.getMessage(), ex);
		}
	}

}
