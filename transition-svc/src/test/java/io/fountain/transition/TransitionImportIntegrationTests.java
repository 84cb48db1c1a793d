package io.fountain.transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.fountain.eventing.test.ParentOwnerStandIn;
import io.fountain.eventing.test.ServiceIntegrationTest;
import io.fountain.eventing.test.UpstreamEvents;
import io.fountain.events.Topic;
import io.fountain.events.scene.v1.SceneCreated;
import io.fountain.events.scene.v1.SceneEvent;
import io.fountain.events.transition.v1.TransitionEvent;
import io.fountain.testing.TopicReader;

/**
 * transition-svc's part of a play being imported, in one hop (ADR 13): the script's
 * creation alone makes every scene's transitions, before any scene is known here; the
 * scenes' own creations, arriving after, make nothing twice; a scene known deleted here
 * first gets nothing.
 */
class TransitionImportIntegrationTests extends ServiceIntegrationTest {

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		environment(registry, "transition", "scene");
		registry.add("fountain.imports.url", ParentOwnerStandIn::url);
		registry.add("fountain.access.url", ParentOwnerStandIn::url);
	}

	private final UUID script = UUID.randomUUID();

	private final UUID importId = UUID.randomUUID();

	@Test
	void theScriptsCreationAloneMakesEveryScenesTransitionsOnceAndNothingUnderADeletedScene() {
		UUID one = UUID.randomUUID();
		UUID two = UUID.randomUUID();
		UUID gone = UUID.randomUUID();
		ParentOwnerStandIn.serves("/imports/" + importId + "/scenes/" + one + "/transitions",
				"[" + transition("CUT TO:", "0000AV") + "," + transition("FADE OUT.", "0000BV") + "]");
		ParentOwnerStandIn.serves("/imports/" + importId + "/scenes/" + two + "/transitions",
				"[" + transition("DISSOLVE TO:", "0000AV") + "]");
		ParentOwnerStandIn.serves("/imports/" + importId + "/scenes/" + gone + "/transitions",
				"[" + transition("SMASH CUT TO:", "0000AV") + "]");
		bed.send(Topic.SCENE, UpstreamEvents.sceneDeleted(script, UUID.randomUUID(), gone));
		await().atMost(Duration.ofSeconds(20)).until(() -> bed.knows("scene", gone));

		bed.send(Topic.SCRIPT, UpstreamEvents.scriptImported(script, importId));

		await().atMost(Duration.ofSeconds(20)).until(() -> bed.rows("transition", script) == 3);
		for (UUID scene : List.of(one, two, gone)) {
			SceneEvent created = UpstreamEvents.sceneCreated(script, UUID.randomUUID(), scene);
			((SceneCreated) created.getPayload()).setImportId(importId.toString());
			bed.send(Topic.SCENE, created);
		}
		UUID later = UUID.randomUUID();
		bed.send(Topic.SCENE, UpstreamEvents.sceneCreated(script, UUID.randomUUID(), later));
		await().atMost(Duration.ofSeconds(20)).until(() -> bed.knows("scene", later));
		assertThat(bed.rows("transition", script)).isEqualTo(3);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM transition WHERE scene_id = ?", Integer.class, gone))
			.isZero();
		try (TopicReader reader = new TopicReader(Topic.TRANSITION.topicName())) {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> bed.events(reader, TransitionEvent.class, script).size() >= 3);
			assertThat(bed.events(reader, TransitionEvent.class, script)).hasSize(3)
				.extracting(TransitionEvent::getSceneId)
				.containsOnly(one, two);
		}
	}

	private static String transition(String text, String position) {
		return "{\"id\": \"" + UUID.randomUUID() + "\", \"text\": \"" + text + "\", \"position\": \"" + position
				+ "\", \"element\": \"acts[0].scenes[0].elements[0]\"}";
	}

}
