package io.fountain.edge.tree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import io.fountain.callers.CallerTokens;
import io.fountain.edge.routing.Downstreams;
import io.fountain.edge.routing.RouteTable;
import io.fountain.problems.paging.Paging;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole play as one tree: title page, characters, and acts → scenes → elements
 * (actions, dialogue, transitions) in order. Assembled here from one call per service,
 * made in parallel (and one more per further page of the acts and the cast, the two lists
 * clients read paged too); no service shares data with another, and the edge keeps none.
 */
@Component
public class PlayTrees {

	private final Downstreams downstreams;

	private final JsonMapper json;

	private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

	PlayTrees(Downstreams downstreams, JsonMapper json) {
		this.downstreams = downstreams;
		this.json = json;
	}

	/**
	 * The tree (status 200), or the script service's own answer when it has no such
	 * script (a 404 problem) or its play is not ACTIVE (the script alone).
	 */
	Answer assemble(UUID scriptId, String callerToken) {
		CompletableFuture<Answer> script = fetch("script", "/scripts/" + scriptId, callerToken);
		CompletableFuture<Answer> characters = fetchAll("character", "/scripts/" + scriptId + "/characters",
				callerToken);
		CompletableFuture<Answer> acts = fetchAll("act", "/scripts/" + scriptId + "/acts", callerToken);
		CompletableFuture<Answer> scenes = fetch("scene", "/scripts/" + scriptId + "/scenes", callerToken);
		CompletableFuture<Answer> actions = fetch("scene", "/scripts/" + scriptId + "/actions", callerToken);
		CompletableFuture<Answer> dialogues = fetch("dialogue", "/scripts/" + scriptId + "/dialogues", callerToken);
		CompletableFuture<Answer> transitions = fetch("transition", "/scripts/" + scriptId + "/transitions",
				callerToken);
		Answer root = join(script);
		if (root.status() != 200 || !root.playStatus().equals("ACTIVE")) {
			return root; // no such script, or its parts are not readable yet: no need to
							// wait for them
		}
		ObjectNode tree = (ObjectNode) root.body();
		tree.set("characters", list(join(characters)));
		ArrayNode actNodes = tree.putArray("acts");
		Map<String, List<JsonNode>> scenesByAct = group(list(join(scenes)), "actId");
		Map<String, List<JsonNode>> elementsByScene = new LinkedHashMap<>();
		addElements(elementsByScene, list(join(actions)), "action");
		addElements(elementsByScene, list(join(dialogues)), "dialogue");
		addElements(elementsByScene, list(join(transitions)), "transition");
		for (JsonNode act : list(join(acts))) {
			ObjectNode actNode = actNodes.addObject().setAll((ObjectNode) act);
			ArrayNode sceneNodes = actNode.putArray("scenes");
			scenesByAct.getOrDefault(act.get("id").asString(), List.of())
				.stream()
				.sorted(Comparator.comparingInt(s -> s.get("ordinal").asInt()))
				.forEach(scene -> {
					ObjectNode sceneNode = sceneNodes.addObject().setAll((ObjectNode) scene);
					ArrayNode elements = sceneNode.putArray("elements");
					elementsByScene.getOrDefault(scene.get("id").asString(), List.of())
						.stream()
						.sorted(Comparator.comparing((JsonNode e) -> e.get("position").asString())
							.thenComparing(e -> e.get("id").asString()))
						.forEach(elements::add);
				});
		}
		return new Answer(200, tree);
	}

	/**
	 * Every item of a list the service pages (a route clients use too): the first page,
	 * then the others at once. An item that a change between two pages shifts onto both
	 * is kept once. The answer is the items, as an array, or the service's own answer
	 * when it has no such list.
	 */
	private CompletableFuture<Answer> fetchAll(String service, String path, String callerToken) {
		return fetch(service, page(path, 0), callerToken).thenCompose(first -> {
			if (first.status() != 200 || !first.body().path("items").isArray()) {
				return CompletableFuture.completedFuture(first);
			}
			long pages = (first.body().path("total").asLong() + Paging.MAX_SIZE - 1) / Paging.MAX_SIZE;
			List<CompletableFuture<Answer>> rest = new ArrayList<>();
			for (int page = 1; page < pages; page++) {
				rest.add(fetch(service, page(path, page), callerToken));
			}
			return CompletableFuture.allOf(rest.toArray(CompletableFuture[]::new)).thenApply(done -> {
				Map<String, JsonNode> items = new LinkedHashMap<>();
				for (Answer answer : Stream.concat(Stream.of(first), rest.stream().map(CompletableFuture::join))
					.toList()) {
					answer.body().path("items").forEach(item -> items.putIfAbsent(item.path("id").asString(), item));
				}
				return new Answer(200, json.createArrayNode().addAll(items.values()));
			});
		});
	}

	private static String page(String path, int page) {
		return path + "?page=" + page + "&size=" + Paging.MAX_SIZE;
	}

	/**
	 * The play's revision as script-svc answers it to the caller ({@code {"revision":
	 * 57}}), or its 404 when the caller may not read the play: the tree's ETag and the
	 * change feed's position, and the access check both start with.
	 */
	public Answer revision(UUID scriptId, String callerToken) {
		return read("script", "/scripts/" + scriptId + "/revision", callerToken);
	}

	/** One read of one service, as the caller: its status and body. */
	public Answer read(String service, String path, String callerToken) {
		return join(fetch(service, path, callerToken));
	}

	private CompletableFuture<Answer> fetch(String service, String path, String callerToken) {
		RouteTable.Downstream target = downstreams.service(service);
		return CompletableFuture.supplyAsync(() -> downstreams.call(target,
				() -> downstreams.http()
					.get()
					.uri(target.baseUrl() + path)
					.header(CallerTokens.HEADER, callerToken)
					.exchange((request, response) -> new Answer(response.getStatusCode().value(),
							json.readTree(response.getBody())))),
				calls);
	}

	private static void addElements(Map<String, List<JsonNode>> byScene, ArrayNode items, String type) {
		for (JsonNode item : items) {
			ObjectNode element = ((ObjectNode) item).deepCopy();
			element.put("type", type);
			byScene.computeIfAbsent(item.get("sceneId").asString(), k -> new ArrayList<>()).add(element);
		}
	}

	private static Map<String, List<JsonNode>> group(ArrayNode items, String key) {
		Map<String, List<JsonNode>> groups = new LinkedHashMap<>();
		items.forEach(item -> groups.computeIfAbsent(item.get(key).asString(), k -> new ArrayList<>()).add(item));
		return groups;
	}

	/**
	 * A list a service answered; a script deleted in the meantime reads as nothing under
	 * it.
	 */
	private ArrayNode list(Answer answer) {
		return answer.status() == 200 && answer.body().isArray() ? (ArrayNode) answer.body() : json.createArrayNode();
	}

	private static Answer join(CompletableFuture<Answer> answer) {
		try {
			return answer.join();
		}
		catch (CompletionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime : ex;
		}
	}

	public record Answer(int status, JsonNode body) {

		/**
		 * The play's status as script-svc gives it (ACTIVE for scripts older than
		 * whole-play imports).
		 */
		String playStatus() {
			return body.path("status").asString("ACTIVE");
		}
	}

}
