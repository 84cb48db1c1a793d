package io.fountain.transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.fountain.eventing.test.ChildKindContract;
import io.fountain.eventing.test.ParentOwnerStandIn;
import io.fountain.eventing.test.ServiceTestBed;
import io.fountain.eventing.test.UpstreamEvents;
import io.fountain.events.Topic;
import io.fountain.events.transition.v1.TransitionDeleted;
import io.fountain.events.transition.v1.TransitionEvent;
import io.fountain.parents.ParentKind;
import io.fountain.testing.EntityTags;
import io.fountain.testing.Http;
import io.fountain.testing.TopicReader;

class TransitionServiceIntegrationTests extends ChildKindContract {

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		environment(registry, "transition", "scene");
	}

	@Override
	protected Http.Response createChild(UUID scriptId, Map<ParentKind, UUID> parents) {
		return http.post("/scenes/" + parents.get(ParentKind.SCENE) + "/transitions", "{\"text\": \"CUT TO:\"}");
	}

	@Override
	protected Topic childTopic() {
		return Topic.TRANSITION;
	}

	@Test
	void transitionsSortByPositionAndMove() {
		UUID scene = knownScene(UUID.randomUUID());
		String cut = create(scene, "{\"text\": \"CUT TO:\"}").get("position").asString();
		String fade = create(scene, "{\"text\": \"FADE OUT.\"}").get("position").asString();
		UUID dissolve = UUID.fromString(create(scene, "{\"text\": \"DISSOLVE TO:\"}").get("id").asString());

		Http.Response moved = http.patch("/transitions/" + dissolve,
				"{\"after\": \"" + cut + "\", \"before\": \"" + fade + "\"}");

		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(texts(scene, "")).containsExactly("CUT TO:", "DISSOLVE TO:", "FADE OUT.");
		assertThat(http.post("/scenes/" + scene + "/transitions", "{\"text\": \"X\", \"after\": \"bad-key\"}").status())
			.isEqualTo(400);
	}

	@Test
	void aTransitionsETagIsItsVersionAndAChangeOnAStaleVersionIsA412ThatChangesNothing() {
		UUID scene = knownScene(UUID.randomUUID());
		Http.Response created = http.post("/scenes/" + scene + "/transitions", "{\"text\": \"CUT TO:\"}");
		UUID transition = UUID.fromString(created.json().get("id").asString());
		Http.Response changed = EntityTags.changeOnlyOnTheVersionRead(http, created, "/transitions/" + transition,
				"{\"text\": \"SMASH CUT TO:\"}", "{\"text\": \"DISSOLVE TO:\"}");
		String second = changed.header("ETag");

		// Moved to the scene's start: its place is part of it, another version.
		String position = changed.json().get("position").asString();
		Http.Response movedUp = http.withHeaders(Map.of("If-Match", second))
			.patch("/transitions/" + transition, "{\"before\": \"" + position + "\"}");
		assertThat(movedUp.status()).as(movedUp.toString()).isEqualTo(200);
		String moved = movedUp.header("ETag");
		assertThat(moved).isEqualTo("\"3\"");

		EntityTags.deleteOnlyOnTheVersionRead(http, "/transitions/" + transition, second, moved);
	}

	@Test
	void aScenesTransitionsArePagedTwentyByDefaultAndBadPagingIsA400NamingTheParameter() {
		UUID scene = knownScene(UUID.randomUUID());
		for (int i = 1; i <= 21; i++) {
			create(scene, "{\"text\": \"CUT " + i + " TO:\"}");
		}

		Http.Response first = http.get("/scenes/" + scene + "/transitions");
		assertThat(first.json().get("items")).hasSize(20);
		assertThat(first.json().get("size").asInt()).isEqualTo(20);
		assertThat(first.json().get("total").asLong()).isEqualTo(21);
		assertThat(texts(scene, "?page=1")).containsExactly("CUT 21 TO:");
		assertThat(texts(scene, "?page=3&size=2")).containsExactly("CUT 7 TO:", "CUT 8 TO:");

		String list = "/scenes/" + scene + "/transitions";
		assertRefused(http.get(list + "?size=0"), "size");
		assertRefused(http.get(list + "?size=100000"), "size");
		assertRefused(http.get(list + "?size=abc"), "size");
		assertRefused(http.get(list + "?page=-1"), "page");
	}

	@Test
	void aMergePatchKeepsWhatItLeavesOutAndRefusesToClearTheTextOrToTakeTextFountainCannotWrite() {
		UUID scene = knownScene(UUID.randomUUID());
		String cut = create(scene, "{\"text\": \"CUT TO:\"}").get("position").asString();
		UUID fade = UUID.fromString(create(scene, "{\"text\": \"FADE OUT.\"}").get("id").asString());

		Http.Response moved = http.send("PATCH", "/transitions/" + fade, "{\"before\": \"" + cut + "\"}",
				"application/merge-patch+json");
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(moved.json().get("text").asString()).as("absent: left as it is").isEqualTo("FADE OUT.");
		assertThat(texts(scene, "")).containsExactly("FADE OUT.", "CUT TO:");

		assertRefused(http.patch("/transitions/" + fade, "{\"text\": null}"), "text");
		assertRefused(http.patch("/transitions/" + fade, "{\"text\": \"FADE OUT.\\n\\nINT. HOUSE\"}"), "text");
		assertRefused(http.patch("/transitions/" + fade, "{\"text\": \"> THE END <\"}"), "text");
		assertRefused(http.post("/scenes/" + scene + "/transitions", "{\"text\": \"CUT TO:\\nEXT. GARDEN\"}"), "text");
		assertThat(texts(scene, "")).as("nothing changed").containsExactly("FADE OUT.", "CUT TO:");
	}

	@Test
	void deletingASceneDeletesItsTransitionsEachAnnouncedEvenWhenTheEventComesTwice() {
		UUID script = UUID.randomUUID();
		UUID scene = knownScene(script);
		create(scene, "{\"text\": \"CUT TO:\"}");
		create(scene, "{\"text\": \"SMASH CUT TO:\"}");
		var deleted = UpstreamEvents.sceneDeleted(script, UUID.randomUUID(), scene);

		bed.send(Topic.SCENE, deleted);
		bed.send(Topic.SCENE, deleted);

		await().atMost(Duration.ofSeconds(20)).until(() -> rows(script) == 0);
		try (TopicReader reader = new TopicReader(Topic.TRANSITION.topicName())) {
			await().atMost(Duration.ofSeconds(20)).until(() -> deletions(reader, script) == 2);
			await().during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(5))
				.until(() -> deletions(reader, script) == 2);
		}
		assertThat(http.post("/scenes/" + scene + "/transitions", "{\"text\": \"CUT TO:\"}").status()).isEqualTo(404);
	}

	@Test
	void aSceneJustCreatedTakesTransitionsAtOnceAndAnUnknownOneIsA404() {
		UUID script = UUID.randomUUID();
		UUID fresh = UUID.randomUUID();
		ParentOwnerStandIn.exists("scenes", fresh, script);

		assertThat(http.post("/scenes/" + fresh + "/transitions", "{\"text\": \"CUT TO:\"}").status()).isEqualTo(201);
		assertThat(http.post("/scenes/" + UUID.randomUUID() + "/transitions", "{\"text\": \"CUT TO:\"}").status())
			.isEqualTo(404);
		assertThat(http.post("/scenes/" + fresh + "/transitions", "{\"text\": \"\"}").status()).isEqualTo(400);
	}

	private UUID knownScene(UUID script) {
		UUID scene = UUID.randomUUID();
		return bed.learn(Topic.SCENE, UpstreamEvents.sceneCreated(script, UUID.randomUUID(), scene), "scene", scene);
	}

	private tools.jackson.databind.JsonNode create(UUID scene, String body) {
		Http.Response response = http.post("/scenes/" + scene + "/transitions", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	private List<String> texts(UUID scene, String query) {
		Http.Response page = http.get("/scenes/" + scene + "/transitions" + query);
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		return page.json().get("items").findValuesAsString("text");
	}

	private static void assertRefused(Http.Response response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").findValuesAsString("field")).as(response.toString())
			.containsExactly(field);
	}

	private int rows(UUID script) {
		return bed.rows("transition", script);
	}

	private long deletions(TopicReader reader, UUID script) {
		return bed.payloads(reader, Topic.TRANSITION, script, TransitionDeleted.class).size();
	}

}
