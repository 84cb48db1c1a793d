package io.fountain.edge.tree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * What deleting one entity would take with it, counted per kind from the play's tree: a
 * script takes everything; an act its scenes and their elements; a scene its elements; a
 * character every line of dialogue it speaks, wherever it is. Parentheticals go with
 * their dialogue. The counts are what the cascade would delete if it ran now.
 */
final class DeletionImpact {

	/** The kinds whose deletion can be previewed, with their service and address. */
	enum Deletable {

		SCRIPT("script", "/scripts/"), ACT("act", "/acts/"), SCENE("scene", "/scenes/"),
		CHARACTER("character", "/characters/");

		final String service;

		final String address;

		Deletable(String service, String address) {
			this.service = service;
			this.address = address;
		}

	}

	private DeletionImpact() {
	}

	/** Per kind, in the order a reader expects them, the entity itself included. */
	static Map<String, Integer> of(JsonNode tree, Deletable kind, UUID id) {
		Map<String, Integer> takes = new LinkedHashMap<>();
		String wanted = id.toString();
		switch (kind) {
			case SCRIPT -> {
				takes.put("script", 1);
				takes.put("act", 0);
				takes.put("scene", 0);
				ensureElements(takes);
				takes.put("character", tree.path("characters").size());
				tree.path("acts").forEach(act -> add(takes, ofAct(act)));
			}
			case ACT -> {
				takes.put("act", 1);
				takes.put("scene", 0);
				ensureElements(takes);
				tree.path("acts").forEach(act -> {
					if (act.path("id").asString().equals(wanted)) {
						takes.putAll(ofAct(act));
					}
				});
			}
			case SCENE -> {
				takes.put("scene", 1);
				ensureElements(takes);
				scenes(tree).forEach(scene -> {
					if (scene.path("id").asString().equals(wanted)) {
						takes.putAll(ofScene(scene));
					}
				});
			}
			case CHARACTER -> {
				takes.put("character", 1);
				takes.put("dialogue", 0);
				takes.put("parenthetical", 0);
				scenes(tree).forEach(scene -> scene.path("elements").forEach(element -> {
					if (element.path("type").asString().equals("dialogue")
							&& element.path("characterId").asString().equals(wanted)) {
						takes.merge("dialogue", 1, Integer::sum);
						takes.merge("parenthetical", element.path("parentheticals").size(), Integer::sum);
					}
				}));
			}
		}
		return takes;
	}

	private static Map<String, Integer> ofAct(JsonNode act) {
		Map<String, Integer> takes = new LinkedHashMap<>();
		takes.put("act", 1);
		takes.put("scene", act.path("scenes").size());
		ensureElements(takes);
		act.path("scenes").forEach(scene -> {
			Map<String, Integer> elements = ofScene(scene);
			elements.remove("scene");
			add(takes, elements);
		});
		return takes;
	}

	private static Map<String, Integer> ofScene(JsonNode scene) {
		Map<String, Integer> takes = new LinkedHashMap<>();
		takes.put("scene", 1);
		ensureElements(takes);
		scene.path("elements").forEach(element -> {
			String type = element.path("type").asString();
			takes.merge(type, 1, Integer::sum);
			if (type.equals("dialogue")) {
				takes.merge("parenthetical", element.path("parentheticals").size(), Integer::sum);
			}
		});
		return takes;
	}

	private static List<JsonNode> scenes(JsonNode tree) {
		List<JsonNode> scenes = new ArrayList<>();
		tree.path("acts").forEach(act -> act.path("scenes").forEach(scenes::add));
		return scenes;
	}

	private static void ensureElements(Map<String, Integer> takes) {
		for (String kind : new String[] { "action", "dialogue", "parenthetical", "transition" }) {
			takes.putIfAbsent(kind, 0);
		}
	}

	private static void add(Map<String, Integer> into, Map<String, Integer> more) {
		more.forEach((kind, count) -> into.merge(kind, count, Integer::sum));
	}

}
