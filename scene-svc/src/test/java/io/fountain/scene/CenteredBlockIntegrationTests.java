package io.fountain.scene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.fountain.eventing.test.ServiceIntegrationTest;
import io.fountain.eventing.test.ServiceTestBed;
import io.fountain.eventing.test.UpstreamEvents;
import io.fountain.events.Topic;
import io.fountain.testing.Http;

/**
 * Issue 18: a block of centered lines ({@code > THE END <} lines one below the other) is
 * one centered action, as Fountain import makes it.
 */
class CenteredBlockIntegrationTests extends ServiceIntegrationTest {

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		environment(registry, "scene", "act");
	}

	@Test
	void aCenteredActionMayBeABlockOfLines() {
		UUID scene = scene();

		Http.Response created = http.post("/scenes/" + scene + "/actions",
				"{\"text\": \"THE END\\nFIN\", \"kind\": \"CENTERED\"}");

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(http.get("/actions/" + ServiceTestBed.created(created)).json().get("text").asString())
			.isEqualTo("THE END\nFIN");
		UUID plain = ServiceTestBed.created(http.post("/scenes/" + scene + "/actions", "{\"text\": \"One.\\nTwo.\"}"));
		Http.Response centered = http.send("PATCH", "/actions/" + plain, "{\"kind\": \"CENTERED\"}",
				"application/merge-patch+json");
		assertThat(centered.status()).as(centered.toString()).isEqualTo(200);
		assertThat(centered.json().get("kind").asString()).isEqualTo("CENTERED");
	}

	@Test
	void aCenteredLineWithWhiteSpaceAroundItIsStillA400NamingTheText() {
		Http.Response refused = http.post("/scenes/" + scene() + "/actions",
				"{\"text\": \"THE END\\n FIN\", \"kind\": \"CENTERED\"}");

		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("text");
	}

	private UUID scene() {
		UUID act = UUID.randomUUID();
		bed.learn(Topic.ACT, UpstreamEvents.actCreated(UUID.randomUUID(), act), "act", act);
		return ServiceTestBed.created(http.post("/acts/" + act + "/scenes", "{\"heading\": \"INT. HOUSE\"}"));
	}

}
