package io.fountain.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.fountain.local.Service;

/**
 * What must hold once the system is quiet, checked across all six databases and the
 * round's events: no entity whose parent is deleted or missing; every acknowledged play
 * whole, each part exactly once and announced created exactly once; every acknowledged
 * deletion complete, each part that was announced created announced deleted exactly once;
 * no play still being created or deleted.
 */
final class Invariants {

	/** The counts, and a line per problem found, for the report. */
	record Findings(int orphans, int lostEffects, int doubleEffects, int stuckSagas, List<String> problems) {
	}

	private final Databases databases;

	private final Map<String, Integer> expectedParts;

	Invariants(Databases databases, Map<String, Integer> expectedParts) {
		this.databases = databases;
		this.expectedParts = expectedParts;
	}

	Findings check(List<UUID> created, List<UUID> deleted, List<UUID> maybeDeleted, Announcements announced) {
		List<String> problems = new ArrayList<>();
		Set<UUID> scripts = databases.ids(Service.SCRIPT, "SELECT id FROM script");
		Set<UUID> acts = databases.ids(Service.ACT, "SELECT id FROM act");
		Set<UUID> scenes = databases.ids(Service.SCENE, "SELECT id FROM scene");
		Set<UUID> characters = databases.ids(Service.CHARACTER, "SELECT id FROM character");
		int orphans = 0;
		orphans += orphan(problems, Service.ACT, "act", "script_id", scripts);
		orphans += orphan(problems, Service.CHARACTER, "character", "script_id", scripts);
		orphans += orphan(problems, Service.SCENE, "scene", "act_id", acts);
		orphans += orphan(problems, Service.SCENE, "action", "scene_id", scenes);
		orphans += orphan(problems, Service.DIALOGUE, "dialogue", "scene_id", scenes);
		orphans += orphan(problems, Service.DIALOGUE, "dialogue", "character_id", characters);
		orphans += orphan(problems, Service.TRANSITION, "transition", "scene_id", scenes);
		long parentheticals = databases.count(Service.DIALOGUE, "SELECT count(*) FROM parenthetical p "
				+ "WHERE NOT EXISTS (SELECT 1 FROM dialogue d WHERE d.id = p.dialogue_id)");
		if (parentheticals > 0) {
			problems.add(parentheticals + " parentheticals without their dialogue");
			orphans += (int) parentheticals;
		}

		Map<String, Map<UUID, List<UUID>>> rows = Map.of("act", databases.idsByScript(Service.ACT, "act"), "scene",
				databases.idsByScript(Service.SCENE, "scene"), "action", databases.idsByScript(Service.SCENE, "action"),
				"character", databases.idsByScript(Service.CHARACTER, "character"), "dialogue",
				databases.idsByScript(Service.DIALOGUE, "dialogue"), "transition",
				databases.idsByScript(Service.TRANSITION, "transition"));
		// Parts per play: counted from the rows above, and parentheticals (no topic of
		// their own) through their dialogue.
		Map<String, Map<UUID, Integer>> parts = new HashMap<>();
		rows.forEach((kind, byScript) -> {
			Map<UUID, Integer> counts = new HashMap<>();
			byScript.forEach((script, ids) -> counts.put(script, ids.size()));
			parts.put(kind, counts);
		});
		parts.put("parenthetical",
				databases.perScript(Service.DIALOGUE, "SELECT d.script_id, count(*) FROM parenthetical p "
						+ "JOIN dialogue d ON d.id = p.dialogue_id GROUP BY d.script_id"));
		Map<UUID, String> states = databases.playStates();
		int[] totals = new int[3]; // lost, doubled, stuck
		for (UUID play : created) {
			whole(play, states, scripts, parts, totals, problems);
			announcedWhole(play, rows, announced, totals, problems);
		}
		for (UUID play : deleted) {
			gone(play, states, scripts, parts, totals, problems);
			announcedGone(play, announced, totals, problems);
		}
		// A deletion that was not acknowledged (a timeout) may have happened or not:
		// whole, or gone, are both right.
		for (UUID play : maybeDeleted) {
			String state = states.get(play);
			if ("DELETED".equals(state) || "DELETING".equals(state)) {
				gone(play, states, scripts, parts, totals, problems);
				announcedGone(play, announced, totals, problems);
			}
			else {
				whole(play, states, scripts, parts, totals, problems);
				announcedWhole(play, rows, announced, totals, problems);
			}
		}
		return new Findings(orphans, totals[0], totals[1], totals[2], problems);
	}

	/** An acknowledged play: ACTIVE, each part exactly as many times as it has. */
	private void whole(UUID play, Map<UUID, String> states, Set<UUID> scripts, Map<String, Map<UUID, Integer>> parts,
			int[] totals, List<String> problems) {
		String state = states.get(play);
		if ("PENDING".equals(state)) {
			totals[2]++;
			problems.add("play " + play + " is still PENDING");
			return;
		}
		if (!"ACTIVE".equals(state) || !scripts.contains(play)) {
			totals[0]++;
			problems.add("play " + play + " was acknowledged but is " + state);
			return;
		}
		for (Map.Entry<String, Integer> expected : expectedParts.entrySet()) {
			int found = parts.get(expected.getKey()).getOrDefault(play, 0);
			if (found < expected.getValue()) {
				totals[0] += expected.getValue() - found;
				problems.add("play " + play + ": " + found + " " + expected.getKey() + "s of " + expected.getValue());
			}
			else if (found > expected.getValue()) {
				totals[1] += found - expected.getValue();
				problems.add("play " + play + ": " + found + " " + expected.getKey() + "s, not " + expected.getValue());
			}
		}
	}

	/** A deleted play: nothing of it left anywhere, its deletion finished. */
	private void gone(UUID play, Map<UUID, String> states, Set<UUID> scripts, Map<String, Map<UUID, Integer>> parts,
			int[] totals, List<String> problems) {
		if ("DELETING".equals(states.get(play))) {
			totals[2]++;
			problems.add("play " + play + " is still DELETING");
		}
		int left = scripts.contains(play) ? 1 : 0;
		for (Map<UUID, Integer> byScript : parts.values()) {
			left += byScript.getOrDefault(play, 0);
		}
		if (left > 0) {
			totals[0] += left;
			problems.add("play " + play + " was deleted but " + left + " rows of it are left");
		}
	}

	/**
	 * Every part of a whole play (and the play) announced created once, and not announced
	 * deleted.
	 */
	private static void announcedWhole(UUID play, Map<String, Map<UUID, List<UUID>>> rows, Announcements announced,
			int[] totals, List<String> problems) {
		List<Announcements.Entity> parts = new ArrayList<>();
		parts.add(announced.of("script", play));
		rows.forEach((kind, byScript) -> byScript.getOrDefault(play, List.of())
			.forEach(id -> parts.add(announced.of(kind, id))));
		for (Announcements.Entity part : parts) {
			if (part.createdBy().isEmpty() || !part.deletedBy().isEmpty()) {
				totals[0]++;
				problems.add("play " + play + ": " + part.kind() + " " + part.id()
						+ " is there, but the topic announced " + part.createdBy().size() + " creations and "
						+ part.deletedBy().size() + " deletions of it");
			}
			else if (part.createdBy().size() > 1) {
				totals[1] += part.createdBy().size() - 1;
				problems.add("play " + play + ": " + part.kind() + " " + part.id() + " announced created "
						+ part.createdBy().size() + " times, under different event ids");
			}
		}
	}

	/** Every part of a deleted play that was announced created announced deleted once. */
	private static void announcedGone(UUID play, Announcements announced, int[] totals, List<String> problems) {
		for (Announcements.Entity part : announced.ofPlay(play)) {
			if (part.createdBy().isEmpty()) {
				continue; // made before the round (never, with this load) or never made:
							// nothing to announce gone
			}
			if (part.deletedBy().isEmpty()) {
				totals[0]++;
				problems.add("play " + play + " was deleted, but its " + part.kind() + " " + part.id()
						+ " was never announced deleted");
			}
			else if (part.deletedBy().size() > 1) {
				totals[1] += part.deletedBy().size() - 1;
				problems.add("play " + play + ": " + part.kind() + " " + part.id() + " announced deleted "
						+ part.deletedBy().size() + " times, under different event ids");
			}
		}
	}

	private int orphan(List<String> problems, Service service, String table, String column, Set<UUID> parents) {
		int orphans = databases.orphans(service, table, column, parents);
		if (orphans > 0) {
			problems.add(orphans + " " + service.module() + "." + table + " rows whose " + column + " is gone");
		}
		return orphans;
	}

}
