package io.fountain.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.fountain.testing.RawHttp;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What a write could change, read before and after it: a refused write must have changed
 * nothing. A creation is watched through the list it would join (the play's tree for a
 * part of the play, the caller's scripts for a script or a play), where no new id may
 * appear; a change or a deletion through the entity (or, for a collaborator, the list it
 * is in), which must read the same. Reads are kept until a request is accepted, so a run
 * of refused writes costs one read each.
 */
final class Witness {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Edge edge;

	private final ApiDocument document;

	private final String treeTarget;

	private final String scriptsTarget;

	private final Map<String, Snapshot> cache = new HashMap<>();

	/**
	 * @param treeTarget the play's tree, {@code /scripts/{id}/tree}
	 * @param scriptsTarget the caller's scripts, newest first,
	 * {@code /scripts?page=0&size=100}
	 */
	Witness(Edge edge, ApiDocument document, String treeTarget, String scriptsTarget) {
		this.edge = edge;
		this.document = document;
		this.treeTarget = treeTarget;
		this.scriptsTarget = scriptsTarget;
	}

	/**
	 * Where to look for what a write to the operation changes, with the valid request's
	 * path; empty for a read.
	 */
	Optional<Look> lookFor(Operation operation, Request valid) {
		if (!operation.writes()) {
			return Optional.empty();
		}
		String path = valid.path();
		if (operation.method().equals("POST") && !operation.namesOneEntity()) {
			return Optional.of(new Look(operation.in("path").isEmpty() ? scriptsTarget : treeTarget, true));
		}
		if (operation.namesOneEntity()) {
			if (document.methodsOf(operation.template()).contains("GET")) {
				return Optional.of(new Look(path, false));
			}
			String parentTemplate = operation.template().substring(0, operation.template().lastIndexOf('/'));
			if (document.methodsOf(parentTemplate).contains("GET")) {
				return Optional.of(new Look(path.substring(0, path.lastIndexOf('/')), false));
			}
		}
		return Optional.empty();
	}

	Snapshot read(Look look) {
		Snapshot kept = cache.get(look.target());
		if (kept != null) {
			return kept;
		}
		Snapshot fresh = readFresh(look);
		cache.put(look.target(), fresh);
		return fresh;
	}

	/** Read again, past what is kept: after a refused write. */
	Snapshot reread(Look look) {
		cache.remove(look.target());
		return read(look);
	}

	/** A request was accepted: what was read may have changed. */
	void forget() {
		cache.clear();
	}

	/**
	 * What changed from {@code before} to {@code after}, in a few words; empty when
	 * nothing did.
	 */
	static Optional<String> change(Look look, Snapshot before, Snapshot after) {
		if (look.newIdsOnly()) {
			Set<String> added = new HashSet<>(after.ids());
			added.removeAll(before.ids());
			return added.isEmpty() ? Optional.empty() : Optional.of("new in " + look.target() + ": " + added);
		}
		if (before.status() != after.status()) {
			return Optional.of(look.target() + " answered " + before.status() + ", now " + after.status());
		}
		JsonNode was = before.body();
		JsonNode is = after.body();
		if (was == null || is == null || !was.isObject() || !is.isObject()) {
			return Objects.equals(was, is) ? Optional.empty()
					: Optional.of(look.target() + " changed: " + shorten(was) + " -> " + shorten(is));
		}
		List<String> changed = new ArrayList<>();
		Set<String> names = new TreeSet<>();
		was.properties().forEach(property -> names.add(property.getKey()));
		is.properties().forEach(property -> names.add(property.getKey()));
		for (String name : names) {
			if (!Objects.equals(was.get(name), is.get(name)) && !mirrored(name, was)) {
				changed.add(name + ": " + shorten(was.get(name)) + " -> " + shorten(is.get(name)));
			}
		}
		return changed.isEmpty() ? Optional.empty()
				: Optional.of(look.target() + " changed: " + String.join(", ", changed));
	}

	/**
	 * Whether the property is another entity's, copied in by events:
	 * {@code characterName} beside {@code characterId} changes when that character is
	 * renamed, whatever the request under test did.
	 */
	private static boolean mirrored(String name, JsonNode entity) {
		return name.endsWith("Name") && entity.has(name.substring(0, name.length() - "Name".length()) + "Id");
	}

	private Snapshot readFresh(Look look) {
		Optional<RawHttp.Response> answer = edge.get(look.target());
		if (answer.isEmpty()) {
			return new Snapshot(0, null, Set.of());
		}
		JsonNode body;
		try {
			body = JSON.readTree(answer.get().body());
		}
		catch (JacksonException notJson) {
			body = JsonNodeFactory.instance.stringNode(answer.get().body());
		}
		Set<String> ids = new HashSet<>();
		collectIds(body, ids);
		return new Snapshot(answer.get().status(), body, ids);
	}

	private static void collectIds(JsonNode node, Set<String> ids) {
		if (node == null) {
			return;
		}
		if (node.isObject()) {
			node.properties().forEach(property -> {
				if (property.getKey().equals("id") && property.getValue().isString()) {
					ids.add(property.getValue().asString());
				}
				collectIds(property.getValue(), ids);
			});
		}
		else if (node.isArray()) {
			node.forEach(item -> collectIds(item, ids));
		}
	}

	private static String shorten(JsonNode body) {
		String text = String.valueOf(body);
		return text.length() > 120 ? text.substring(0, 120) + "..." : text;
	}

	/**
	 * Where to look.
	 *
	 * @param newIdsOnly a list that other writes may shorten meanwhile (a cascade runs
	 * on): only a new id counts
	 */
	record Look(String target, boolean newIdsOnly) {
	}

	/**
	 * What was read: its status, its JSON (ETag and other headers aside), and every
	 * {@code id} in it.
	 */
	record Snapshot(int status, JsonNode body, Set<String> ids) {
	}

}
