package io.fountain.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.fountain.eventing.test.ChildKindContract;
import io.fountain.eventing.test.DeletionRace;
import io.fountain.eventing.test.ParentOwnerStandIn;
import io.fountain.eventing.test.ServiceTestBed;
import io.fountain.eventing.test.UpstreamEvents;
import io.fountain.events.Topic;
import io.fountain.events.action.v1.ActionDeleted;
import io.fountain.events.action.v1.ActionEvent;
import io.fountain.events.scene.v1.SceneDeleted;
import io.fountain.events.scene.v1.SceneEvent;
import io.fountain.parents.ParentKind;
import io.fountain.testing.EntityTags;
import io.fountain.testing.Http;
import io.fountain.testing.TopicReader;

class SceneServiceIntegrationTests extends ChildKindContract {

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		environment(registry, "scene", "act");
	}

	@Override
	protected Http.Response createChild(UUID scriptId, Map<ParentKind, UUID> parents) {
		return http.post("/acts/" + parents.get(ParentKind.ACT) + "/scenes", "{\"heading\": \"INT. HOUSE - DAY\"}");
	}

	@Override
	protected Topic childTopic() {
		return Topic.SCENE;
	}

	@Test
	void scenesKeepTheirOrderAndMoveBetweenActsOfTheirScript() {
		UUID script = UUID.randomUUID();
		UUID one = knownAct(script);
		UUID two = knownAct(script);
		UUID a = scene(one, "{\"heading\": \"INT. A\"}");
		scene(one, "{\"heading\": \"INT. B\"}");
		scene(one, "{\"heading\": \"INT. OPENING\", \"ordinal\": 1}");
		UUID d = scene(two, "{\"heading\": \"INT. D\"}");
		assertThat(headings(one)).containsExactly("INT. OPENING", "INT. A", "INT. B");

		Http.Response moved = http.patch("/scenes/" + a, "{\"actId\": \"" + two + "\", \"ordinal\": 1}");

		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(headings(one)).containsExactly("INT. OPENING", "INT. B");
		assertThat(headings(two)).containsExactly("INT. A", "INT. D");
		assertThat(http.get("/scenes/" + d).json().get("ordinal").asInt()).isEqualTo(2);
		try (TopicReader reader = new TopicReader(Topic.SCENE.topicName())) {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> reader.keyed(script)
					.stream()
					.map(r -> codec.decode(r.value(), SceneEvent.class))
					.anyMatch(e -> e.getSceneId().equals(a) && e.getActId().equals(two)
							&& e.getPayload() instanceof io.fountain.events.scene.v1.SceneUpdated u
							&& one.equals(u.getPreviousActId())));
		}

		UUID otherScriptsAct = knownAct(UUID.randomUUID());
		Http.Response refused = http.patch("/scenes/" + a, "{\"actId\": \"" + otherScriptsAct + "\"}");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").findValuesAsString("field")).contains("actId");
	}

	@Test
	void aRevisionTakesWholeOrNotAtAllAndTwoEditorsOfDifferentFieldsKeepBoth() throws Exception {
		UUID script = UUID.randomUUID();
		UUID act = knownAct(script);
		UUID scene = scene(act, "{\"heading\": \"INT. KITCHEN\", \"synopsis\": \"Breakfast.\"}");
		UUID otherScriptsAct = knownAct(UUID.randomUUID());

		Http.Response refused = http.patch("/scenes/" + scene,
				"{\"heading\": \"EXT. GARDEN\", \"actId\": \"" + otherScriptsAct + "\"}");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(http.get("/scenes/" + scene).json().get("heading").asString()).as("nothing half-written")
			.isEqualTo("INT. KITCHEN");

		// Two editors at once, one renaming the scene and one rewriting its synopsis:
		// neither undoes the other.
		ExecutorService editors = Executors.newFixedThreadPool(2);
		try {
			for (int i = 1; i <= 20; i++) {
				String n = String.valueOf(i);
				Future<Http.Response> heading = editors
					.submit(() -> http.patch("/scenes/" + scene, "{\"heading\": \"INT. KITCHEN " + n + "\"}"));
				Future<Http.Response> synopsis = editors
					.submit(() -> http.patch("/scenes/" + scene, "{\"synopsis\": \"Breakfast " + n + ".\"}"));
				assertThat(heading.get().status()).as(heading.get().toString()).isEqualTo(200);
				assertThat(synopsis.get().status()).as(synopsis.get().toString()).isEqualTo(200);
				tools.jackson.databind.JsonNode now = http.get("/scenes/" + scene).json();
				assertThat(now.get("heading").asString()).as("round " + n).isEqualTo("INT. KITCHEN " + n);
				assertThat(now.get("synopsis").asString()).as("round " + n).isEqualTo("Breakfast " + n + ".");
			}
		}
		finally {
			editors.shutdownNow();
		}
	}

	@Test
	void aScenesETagIsItsVersionAndAChangeOnAStaleVersionIsA412ThatChangesNothing() {
		UUID act = knownAct(UUID.randomUUID());
		Http.Response created = http.post("/acts/" + act + "/scenes", "{\"heading\": \"INT. ONE\"}");
		UUID scene = UUID.fromString(created.json().get("id").asString());
		Http.Response changed = EntityTags.changeOnlyOnTheVersionRead(http, created, "/scenes/" + scene,
				"{\"heading\": \"INT. TWO\"}", "{\"heading\": \"INT. THREE\"}");
		String second = changed.header("ETag");

		// Moved down by a scene inserted before it: another version.
		scene(act, "{\"heading\": \"INT. OPENING\", \"ordinal\": 1}");
		Http.Response movedDown = http.get("/scenes/" + scene);
		assertThat(movedDown.json().get("ordinal").asInt()).isEqualTo(2);
		String moved = movedDown.header("ETag");
		assertThat(moved).isNotEqualTo(second);

		EntityTags.deleteOnlyOnTheVersionRead(http, "/scenes/" + scene, second, moved);
	}

	@Test
	void anActionsETagIsItsVersionAndAChangeOnAStaleVersionIsA412ThatChangesNothing() {
		UUID scene = scene(knownAct(UUID.randomUUID()), "{\"heading\": \"INT. HALL\"}");
		Http.Response created = http.post("/scenes/" + scene + "/actions", "{\"text\": \"A door.\"}");
		UUID action = UUID.fromString(created.json().get("id").asString());
		Http.Response changed = EntityTags.changeOnlyOnTheVersionRead(http, created, "/actions/" + action,
				"{\"text\": \"A red door.\"}", "{\"text\": \"A blue door.\"}");
		String second = changed.header("ETag");

		// Moved to the scene's start: its place is part of it, another version.
		String position = changed.json().get("position").asString();
		Http.Response movedUp = http.withHeaders(Map.of("If-Match", second))
			.patch("/actions/" + action, "{\"before\": \"" + position + "\"}");
		assertThat(movedUp.status()).as(movedUp.toString()).isEqualTo(200);
		String moved = movedUp.header("ETag");
		assertThat(moved).isEqualTo("\"3\"");

		EntityTags.deleteOnlyOnTheVersionRead(http, "/actions/" + action, second, moved);
	}

	@Test
	void actionsSortByPositionAndGoBetweenTheirNeighbours() {
		UUID scene = scene(knownAct(UUID.randomUUID()), "{\"heading\": \"EXT. RIVER - DAY\"}");
		String first = action(scene, "{\"text\": \"The river.\"}").get("position").asString();
		String last = action(scene, "{\"text\": \"A fish jumps.\", \"kind\": \"CENTERED\"}").get("position").asString();
		action(scene, "{\"text\": \"Wind.\", \"after\": \"" + first + "\", \"before\": \"" + last + "\"}");
		action(scene, "{\"text\": \"Dawn.\", \"before\": \"" + first + "\"}");

		assertThat(http.get("/scenes/" + scene + "/actions").json().get("items").findValuesAsString("text"))
			.containsExactly("Dawn.", "The river.", "Wind.", "A fish jumps.");

		Http.Response backwards = http.post("/scenes/" + scene + "/actions",
				"{\"text\": \"x\", \"after\": \"" + last + "\", \"before\": \"" + first + "\"}");
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.json().get("errors").findValuesAsString("field")).contains("before");
		Http.Response badKind = http.post("/scenes/" + scene + "/actions", "{\"text\": \"x\", \"kind\": \"LOUD\"}");
		assertThat(badKind.status()).isEqualTo(400);
		assertThat(badKind.json().get("errors").findValuesAsString("field")).contains("kind");
	}

	@Test
	void scenesAndActionsArePagedTwentyByDefaultAndBadPagingIsA400NamingTheParameter() {
		UUID act = knownAct(UUID.randomUUID());
		List<UUID> scenes = new ArrayList<>();
		for (int i = 1; i <= 21; i++) {
			scenes.add(scene(act, "{\"heading\": \"INT. ROOM " + i + "\"}"));
		}
		Http.Response first = http.get("/acts/" + act + "/scenes");
		assertThat(first.json().get("items")).hasSize(20);
		assertThat(first.json().get("size").asInt()).isEqualTo(20);
		assertThat(first.json().get("total").asLong()).isEqualTo(21);
		assertThat(headings(act, "?page=1")).containsExactly("INT. ROOM 21");
		assertThat(headings(act, "?page=1&size=8")).containsExactly("INT. ROOM 9", "INT. ROOM 10", "INT. ROOM 11",
				"INT. ROOM 12", "INT. ROOM 13", "INT. ROOM 14", "INT. ROOM 15", "INT. ROOM 16");

		UUID scene = scenes.get(0);
		for (int i = 1; i <= 3; i++) {
			action(scene, "{\"text\": \"Beat " + i + ".\"}");
		}
		Http.Response second = http.get("/scenes/" + scene + "/actions?size=2&page=1");
		assertThat(second.json().get("items").findValuesAsString("text")).containsExactly("Beat 3.");
		assertThat(second.json().get("total").asLong()).isEqualTo(3);
		assertThat(second.json().get("page").asInt()).isEqualTo(1);

		for (String list : List.of("/acts/" + act + "/scenes", "/scenes/" + scene + "/actions")) {
			assertRefused(http.get(list + "?size=0"), "size");
			assertRefused(http.get(list + "?size=100000"), "size");
			assertRefused(http.get(list + "?size=abc"), "size");
			assertRefused(http.get(list + "?page=-1"), "page");
		}
	}

	@Test
	void aMergePatchKeepsWhatItLeavesOutClearsOptionalFieldsAndRefusesToClearRequiredOnes() {
		UUID act = knownAct(UUID.randomUUID());
		UUID scene = scene(act, "{\"heading\": \"INT. KITCHEN\", \"sceneNumber\": \"1A\", \"synopsis\": \"Tea.\"}");

		Http.Response renumbered = http.patch("/scenes/" + scene, "{\"sceneNumber\": null}");
		assertThat(renumbered.status()).as(renumbered.toString()).isEqualTo(200);
		assertThat(renumbered.json().get("sceneNumber").isNull()).isTrue();
		assertThat(renumbered.json().get("heading").asString()).isEqualTo("INT. KITCHEN");
		assertThat(renumbered.json().get("synopsis").asString()).isEqualTo("Tea.");
		assertRefused(http.patch("/scenes/" + scene, "{\"heading\": null, \"synopsis\": null}"), "heading");
		assertRefused(http.patch("/scenes/" + scene, "{\"actId\": null}"), "actId");
		assertRefused(http.patch("/scenes/" + scene, "{\"ordinal\": null}"), "ordinal");
		assertThat(http.get("/scenes/" + scene).json().get("synopsis").asString()).as("nothing changed")
			.isEqualTo("Tea.");

		String action = action(scene, "{\"text\": \"The kettle.\"}").get("id").asString();
		Http.Response centered = http.send("PATCH", "/actions/" + action, "{\"kind\": \"CENTERED\"}",
				"application/merge-patch+json");
		assertThat(centered.status()).as(centered.toString()).isEqualTo(200);
		assertThat(centered.json().get("text").asString()).isEqualTo("The kettle.");
		assertRefused(http.patch("/actions/" + action, "{\"text\": null}"), "text");
		assertRefused(http.patch("/actions/" + action, "{\"text\": \"Boils.\", \"kind\": null}"), "kind");
		assertThat(http.get("/actions/" + action).json().get("text").asString()).as("nothing changed")
			.isEqualTo("The kettle.");
	}

	@Test
	void textThatFountainWouldReadBackAsAnotherPlayIsA400NamingTheField() {
		UUID act = knownAct(UUID.randomUUID());
		assertRefused(http.post("/acts/" + act + "/scenes", "{\"heading\": \"INT. HOUSE\\nEXT. GARDEN\"}"), "heading");
		assertRefused(http.post("/acts/" + act + "/scenes", "{\"heading\": \"INT. A\", \"synopsis\": \"a\\nb\"}"),
				"synopsis");
		assertRefused(http.post("/acts/" + act + "/scenes", "{\"heading\": \"INT. A\", \"sceneNumber\": \"1 A\"}"),
				"sceneNumber");
		assertThat(headings(act)).as("nothing written").isEmpty();
		UUID scene = scene(act, "{\"heading\": \"INT. HOUSE\"}");
		assertRefused(http.patch("/scenes/" + scene, "{\"heading\": \"INT. HOUSE\\n\\nEXT. GARDEN\"}"), "heading");
		assertThat(headings(act)).containsExactly("INT. HOUSE");

		assertRefused(http.post("/scenes/" + scene + "/actions", "{\"text\": \"One.\\n\\nTwo.\"}"), "text");
		assertRefused(http.post("/scenes/" + scene + "/actions", "{\"text\": \"One\\n  Two\", \"kind\": \"CENTERED\"}"),
				"text");
		String action = action(scene, "{\"text\": \"One.\\n  Two.\"}").get("id").asString();
		assertRefused(http.patch("/actions/" + action, "{\"kind\": \"CENTERED\"}"), "kind");
		assertRefused(http.patch("/actions/" + action, "{\"text\": \"One.\\n\\nTwo.\"}"), "text");
		assertThat(http.get("/actions/" + action).json().get("kind").asString()).isEqualTo("PLAIN");
		assertThat(http.get("/scenes/" + scene + "/actions").json().get("total").asLong()).isEqualTo(1);
	}

	@Test
	void deletingAnActDeletesItsScenesAndTheirActionsEachAnnounced() {
		UUID script = UUID.randomUUID();
		UUID act = knownAct(script);
		UUID s1 = scene(act, "{\"heading\": \"INT. ONE\"}");
		UUID s2 = scene(act, "{\"heading\": \"INT. TWO\"}");
		List<String> acts = List.of(action(s1, "{\"text\": \"a\"}").get("id").asString(),
				action(s1, "{\"text\": \"b\"}").get("id").asString(),
				action(s2, "{\"text\": \"c\"}").get("id").asString());

		bed.send(Topic.ACT, UpstreamEvents.actDeleted(script, act));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> http.get("/scenes/" + s1).status() == 404 && http.get("/scenes/" + s2).status() == 404);
		assertThat(acts).allSatisfy(id -> assertThat(http.get("/actions/" + id).status()).isEqualTo(404));
		try (TopicReader scenes = new TopicReader(Topic.SCENE.topicName());
				TopicReader actions = new TopicReader(Topic.ACTION.topicName())) {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> scenes.keyed(script)
					.stream()
					.filter(r -> codec.decode(r.value(), SceneEvent.class).getPayload() instanceof SceneDeleted)
					.count() == 2);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> actions.keyed(script)
					.stream()
					.filter(r -> codec.decode(r.value(), ActionEvent.class).getPayload() instanceof ActionDeleted)
					.count() == 3);
		}
		assertThat(http.post("/acts/" + act + "/scenes", "{\"heading\": \"INT. LATE\"}").status()).isEqualTo(404);
	}

	@Test
	void deletingASceneTakesItsActionsAndClosesTheGap() {
		UUID act = knownAct(UUID.randomUUID());
		UUID first = scene(act, "{\"heading\": \"INT. ONE\"}");
		UUID second = scene(act, "{\"heading\": \"INT. TWO\"}");
		String action = action(first, "{\"text\": \"gone\"}").get("id").asString();

		assertThat(http.delete("/scenes/" + first).status()).isEqualTo(204);

		assertThat(http.get("/actions/" + action).status()).isEqualTo(404);
		assertThat(http.get("/scenes/" + second).json().get("ordinal").asInt()).isEqualTo(1);
	}

	@Test
	void actionsAddedWhileTheirActIsBeingDeletedEndDeleted() throws Exception {
		UUID script = UUID.randomUUID();
		UUID act = knownAct(script);
		List<UUID> scenes = List.of(scene(act, "{\"heading\": \"INT. A\"}"), scene(act, "{\"heading\": \"INT. B\"}"));
		AtomicInteger requests = new AtomicInteger();
		DeletionRace.run(() -> http
			.post("/scenes/" + scenes.get(requests.incrementAndGet() % 2) + "/actions", "{\"text\": \"run\"}")
			.status(), () -> bed.send(Topic.ACT, UpstreamEvents.actDeleted(script, act)));
		await().atMost(Duration.ofSeconds(20)).until(() -> rows("scene", script) + rows("action", script) == 0);
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> rows("scene", script) + rows("action", script) == 0);
	}

	/**
	 * ADR 12: the script's own deletion takes its scenes and actions, without waiting for
	 * its acts' deletion.
	 */
	@Test
	void deletingTheScriptTakesItsScenesAndActionsInOneStepWithoutTheActsDeletion() {
		UUID script = UUID.randomUUID();
		UUID act = knownAct(script);
		UUID s1 = scene(act, "{\"heading\": \"INT. ONE\"}");
		UUID s2 = scene(act, "{\"heading\": \"INT. TWO\"}");
		action(s1, "{\"text\": \"a\"}");
		action(s2, "{\"text\": \"b\"}");
		action(s2, "{\"text\": \"c\"}");
		assertThat(rows("scene", script) + rows("action", script)).isEqualTo(5);

		bed.send(Topic.SCRIPT, UpstreamEvents.scriptDeleted(script)); // and no
																		// ActDeleted,
																		// ever

		await().atMost(Duration.ofSeconds(20)).until(() -> rows("scene", script) + rows("action", script) == 0);
		try (TopicReader scenes = new TopicReader(Topic.SCENE.topicName());
				TopicReader actions = new TopicReader(Topic.ACTION.topicName())) {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> sceneDeletions(scenes, script).size() == 2
						&& actionDeletions(actions, script).size() == 3);
			assertThat(sceneDeletions(scenes, script)).allSatisfy(deleted -> assertThat(deleted.getCause())
				.isEqualTo(io.fountain.events.scene.v1.DeletionCause.CASCADE));
			assertThat(actionDeletions(actions, script)).allSatisfy(deleted -> assertThat(deleted.getCause())
				.isEqualTo(io.fountain.events.action.v1.DeletionCause.CASCADE));
		}
		assertThat(http.post("/acts/" + act + "/scenes", "{\"heading\": \"INT. LATE\"}").status()).isEqualTo(404);
		assertThat(http.post("/scenes/" + s1 + "/actions", "{\"text\": \"late\"}").status()).isEqualTo(404);
	}

	/**
	 * ADR 12: scenes and actions made while their script is being deleted (two levels
	 * above them, with their act never deleted) are either made before the deletion and
	 * taken by it, or refused: none is left.
	 */
	@Test
	void scenesAndActionsAddedWhileTheirScriptIsBeingDeletedEndDeleted() throws Exception {
		UUID script = UUID.randomUUID();
		UUID act = knownAct(script);
		UUID scene = scene(act, "{\"heading\": \"INT. A\"}");
		AtomicInteger requests = new AtomicInteger();
		DeletionRace.run(
				() -> requests.incrementAndGet() % 2 == 0
						? http.post("/acts/" + act + "/scenes", "{\"heading\": \"INT. B\"}").status()
						: http.post("/scenes/" + scene + "/actions", "{\"text\": \"run\"}").status(),
				() -> bed.send(Topic.SCRIPT, UpstreamEvents.scriptDeleted(script)));
		await().atMost(Duration.ofSeconds(20)).until(() -> rows("scene", script) + rows("action", script) == 0);
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> rows("scene", script) + rows("action", script) == 0);
	}

	private List<SceneDeleted> sceneDeletions(TopicReader reader, UUID script) {
		return reader.keyed(script)
			.stream()
			.map(r -> codec.decode(r.value(), SceneEvent.class).getPayload())
			.filter(SceneDeleted.class::isInstance)
			.map(SceneDeleted.class::cast)
			.toList();
	}

	private List<ActionDeleted> actionDeletions(TopicReader reader, UUID script) {
		return reader.keyed(script)
			.stream()
			.map(r -> codec.decode(r.value(), ActionEvent.class).getPayload())
			.filter(ActionDeleted.class::isInstance)
			.map(ActionDeleted.class::cast)
			.toList();
	}

	@Test
	void anActJustCreatedTakesScenesAtOnceAndAnUnknownOneIsA404() {
		UUID script = UUID.randomUUID();
		UUID fresh = UUID.randomUUID();
		ParentOwnerStandIn.exists("acts", fresh, script);

		Http.Response created = http.post("/acts/" + fresh + "/scenes", "{\"heading\": \"INT. EARLY\"}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("scriptId").asString()).isEqualTo(script.toString());
		assertThat(http.post("/acts/" + UUID.randomUUID() + "/scenes", "{\"heading\": \"X\"}").status()).isEqualTo(404);
		assertThat(http.post("/acts/" + fresh + "/scenes", "{}").status()).isEqualTo(400);
	}

	private UUID knownAct(UUID script) {
		UUID act = UUID.randomUUID();
		return bed.learn(Topic.ACT, UpstreamEvents.actCreated(script, act), "act", act);
	}

	private UUID scene(UUID act, String body) {
		return ServiceTestBed.created(http.post("/acts/" + act + "/scenes", body));
	}

	private tools.jackson.databind.JsonNode action(UUID scene, String body) {
		Http.Response response = http.post("/scenes/" + scene + "/actions", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	private List<String> headings(UUID act) {
		return headings(act, "");
	}

	private List<String> headings(UUID act, String query) {
		Http.Response page = http.get("/acts/" + act + "/scenes" + query);
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		return page.json().get("items").findValuesAsString("heading");
	}

	private static void assertRefused(Http.Response response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").findValuesAsString("field")).as(response.toString())
			.containsExactly(field);
	}

	private int rows(String table, UUID script) {
		return bed.rows(table, script);
	}

}
