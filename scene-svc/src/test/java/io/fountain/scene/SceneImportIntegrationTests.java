package io.fountain.scene;

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
import io.fountain.events.act.v1.ActCreated;
import io.fountain.events.act.v1.ActEvent;
import io.fountain.events.scene.v1.SceneEvent;
import io.fountain.testing.TopicReader;

/**
 * scene-svc's part of a play being imported, in one hop (ADR 13): the script's creation
 * alone makes every act's scenes and actions, before any act is known here; the acts' own
 * creations, arriving after, make nothing twice; an act known deleted here first gets
 * nothing.
 */
class SceneImportIntegrationTests extends ServiceIntegrationTest {

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		environment(registry, "scene", "act");
		registry.add("fountain.imports.url", ParentOwnerStandIn::url);
		registry.add("fountain.access.url", ParentOwnerStandIn::url);
	}

	private final UUID script = UUID.randomUUID();

	private final UUID importId = UUID.randomUUID();

	@Test
	void theScriptsCreationAloneMakesEveryActsScenesOnceAndNothingUnderADeletedAct() {
		UUID one = UUID.randomUUID();
		UUID two = UUID.randomUUID();
		UUID gone = UUID.randomUUID();
		ParentOwnerStandIn.serves("/imports/" + importId + "/acts/" + one + "/scenes",
				"[" + scene(1, "INT. KITCHEN - DAY", action("Brick limps in.") + "," + action("Maggie waits.")) + ","
						+ scene(2, "EXT. PORCH - NIGHT", action("Rain.")) + "]");
		ParentOwnerStandIn.serves("/imports/" + importId + "/acts/" + two + "/scenes",
				"[" + scene(1, "INT. BEDROOM - NIGHT", "") + "]");
		ParentOwnerStandIn.serves("/imports/" + importId + "/acts/" + gone + "/scenes",
				"[" + scene(1, "INT. NOWHERE", action("Nothing.")) + "]");
		bed.send(Topic.ACT, UpstreamEvents.actDeleted(script, gone));
		await().atMost(Duration.ofSeconds(20)).until(() -> bed.knows("act", gone));

		bed.send(Topic.SCRIPT, UpstreamEvents.scriptImported(script, importId));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> bed.rows("scene", script) == 3 && bed.rows("action", script) == 3);
		// The acts' own creations, late; then an act made after the import, to know that
		// they were applied.
		for (UUID act : List.of(one, two, gone)) {
			ActEvent created = UpstreamEvents.actCreated(script, act);
			((ActCreated) created.getPayload()).setImportId(importId.toString());
			bed.send(Topic.ACT, created);
		}
		UUID later = UUID.randomUUID();
		bed.send(Topic.ACT, UpstreamEvents.actCreated(script, later));
		await().atMost(Duration.ofSeconds(20)).until(() -> bed.knows("act", later));
		assertThat(bed.rows("scene", script)).isEqualTo(3);
		assertThat(bed.rows("action", script)).isEqualTo(3);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM scene WHERE act_id = ?", Integer.class, gone)).isZero();
		try (TopicReader reader = new TopicReader(Topic.SCENE.topicName())) {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> bed.events(reader, SceneEvent.class, script).size() >= 3);
			assertThat(bed.events(reader, SceneEvent.class, script)).hasSize(3)
				.extracting(SceneEvent::getActId)
				.containsOnly(one, two);
		}
	}

	private static String scene(int ordinal, String heading, String actions) {
		return "{\"id\": \"" + UUID.randomUUID() + "\", \"ordinal\": " + ordinal + ", \"heading\": \"" + heading
				+ "\", \"sceneNumber\": null, \"synopsis\": null, \"actions\": [" + actions
				+ "], \"element\": \"acts[0].scenes[" + (ordinal - 1) + "]\"}";
	}

	private static String action(String text) {
		return "{\"id\": \"" + UUID.randomUUID() + "\", \"text\": \"" + text
				+ "\", \"kind\": \"PLAIN\", \"position\": \"" + "0000" + (char) ('A' + text.length() % 20)
				+ "V\", \"element\": \"acts[0].scenes[0].elements[0]\"}";
	}

}
