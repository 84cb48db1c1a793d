package io.fountain.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.fountain.callers.Caller;
import io.fountain.eventing.test.ServiceTestBed;
import io.fountain.eventing.test.ServiceIntegrationTest;
import io.fountain.eventing.test.UpstreamEvents;
import io.fountain.events.Topic;
import io.fountain.events.imports.v1.ImportEvent;
import io.fountain.events.imports.v1.PartRejected;
import io.fountain.events.script.v1.DeletionCause;
import io.fountain.events.script.v1.PlayStatus;
import io.fountain.events.script.v1.ScriptCreated;
import io.fountain.events.script.v1.ScriptDeleted;
import io.fountain.events.script.v1.ScriptEvent;
import io.fountain.events.script.v1.ScriptUpdated;
import io.fountain.testing.Http;
import io.fountain.testing.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * script-svc's side of a play created in one command: it accepts the play (or says
 * exactly what is wrong with it), keeps its parts for the other services, and follows its
 * progress from their events to ACTIVE, or to FAILED and the script's deletion.
 */
@TestPropertySource(properties = "fountain.plays.max-document-size=64KB")
class PlayIntakeIntegrationTests extends ServiceIntegrationTest {

	private static final String TWO_SCENES = """
			Title: Two scenes
			Author: Ada

			# ONE

			INT. HOUSE - DAY

			EXT. GARDEN - NIGHT
			""";

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		environment(registry, "script");
	}

	@Test
	void anAcceptedPlayIsPendingWithItsPartsKeptForTheServicesAndActiveOnceEachPartIsAnnouncedEvenTwice() {
		Http.Response accepted = http.send("POST", "/plays", TWO_SCENES, "text/x-fountain");

		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		UUID id = UUID.fromString(accepted.location().substring("/scripts/".length()));
		assertThat(accepted.json().get("status").asString()).isEqualTo("PENDING");
		assertThat(accepted.json().at("/parts/scene/expected").asInt()).isEqualTo(2);
		assertThat(http.get("/scripts/" + id).json().get("status").asString()).isEqualTo("PENDING");

		ScriptCreated created;
		try (TopicReader reader = new TopicReader(Topic.SCRIPT.topicName())) {
			await().atMost(Duration.ofSeconds(20)).until(() -> !bed.events(reader, ScriptEvent.class, id).isEmpty());
			created = (ScriptCreated) bed.events(reader, ScriptEvent.class, id).get(0).getPayload();
		}
		assertThat(created.getStatus()).isEqualTo(PlayStatus.PENDING);
		UUID importId = UUID.fromString(created.getImportId());
		JsonNode acts = http.get("/imports/" + importId + "/acts").json();
		assertThat(acts.findValuesAsString("title")).containsExactly("ONE");
		UUID act = UUID.fromString(acts.get(0).get("id").asString());
		List<String> scenes = http.get("/imports/" + importId + "/acts/" + act + "/scenes")
			.json()
			.findValuesAsString("id");
		assertThat(scenes).hasSize(2);

		try (UpstreamEvents upstream = new UpstreamEvents(codec);
				TopicReader reader = new TopicReader(Topic.SCRIPT.topicName())) {
			upstream.send(Topic.ACT, UpstreamEvents.actCreated(id, act));
			var scene = UpstreamEvents.sceneCreated(id, act, UUID.fromString(scenes.get(0)));
			upstream.send(Topic.SCENE, scene);
			upstream.send(Topic.SCENE, scene); // delivered twice: counted once
			await().atMost(Duration.ofSeconds(20)).until(() -> status(id).at("/parts/scene/done").asInt() == 1);
			assertThat(status(id).get("status").asString()).isEqualTo("PENDING");

			upstream.send(Topic.SCENE, UpstreamEvents.sceneCreated(id, act, UUID.fromString(scenes.get(1))));

			await().atMost(Duration.ofSeconds(20)).until(() -> status(id).get("status").asString().equals("ACTIVE"));
			await().atMost(Duration.ofSeconds(20))
				.until(() -> bed.events(reader, ScriptEvent.class, id)
					.stream()
					.anyMatch(e -> e.getPayload() instanceof ScriptUpdated updated
							&& updated.getChanged().equals(List.of("status"))
							&& updated.getStatus() == PlayStatus.ACTIVE));
		}
		assertThat(http.get("/scripts/" + id).json().get("status").asString()).isEqualTo("ACTIVE");
		assertThat(http.get("/imports/" + importId + "/acts").status()).as("the claim check, once done").isEqualTo(404);
	}

	@Test
	void aRejectedPartFailsThePlayWithWhyAndWhereAndDeletesTheScriptAsACompensation() {
		UUID id = UUID.fromString(
				http.send("POST", "/plays", TWO_SCENES, "text/x-fountain").location().substring("/scripts/".length()));
		String importId = jdbc.queryForObject("SELECT import_id::text FROM play WHERE script_id = ?", String.class, id);

		ImportEvent rejection = new ImportEvent();
		rejection.setScriptId(id);
		rejection.setImportId(UUID.fromString(importId));
		rejection.setPayload(PartRejected.newBuilder()
			.setService("scene-svc")
			.setPart("scene")
			.setElement("acts[0]")
			.setReason("the act has 2 scenes; at most 1 are allowed")
			.build());
		try (UpstreamEvents upstream = new UpstreamEvents(codec);
				TopicReader reader = new TopicReader(Topic.SCRIPT.topicName())) {
			upstream.send(Topic.IMPORT, rejection);

			await().atMost(Duration.ofSeconds(20)).until(() -> status(id).get("status").asString().equals("FAILED"));
			await().atMost(Duration.ofSeconds(20))
				.until(() -> bed.events(reader, ScriptEvent.class, id)
					.stream()
					.anyMatch(e -> e.getPayload() instanceof ScriptDeleted deleted
							&& deleted.getCause() == DeletionCause.COMPENSATION));
		}
		JsonNode failed = status(id);
		assertThat(failed.get("reason").asString())
			.isEqualTo("scene-svc could not create it: the act has 2 scenes; at most 1 are allowed");
		assertThat(failed.get("failedElement").asString()).isEqualTo("acts[0]");
		assertThat(failed.at("/parts/scene/failed").asInt()).isEqualTo(1);
		assertThat(http.get("/scripts/" + id).status()).isEqualTo(404);
		assertThat(http.get("/imports/" + importId + "/acts").status()).isEqualTo(404);
	}

	@Test
	void aPlayOfTheWrongShapeIsA400NamingTheFieldAndNothingIsWritten() {
		int before = plays();

		Http.Response blankTitle = http.post("/plays", "{\"title\": \" \"}");
		Http.Response headless = http.post("/plays", """
				{"title": "T", "acts": [{"scenes": [{"heading": "INT. A"}, {"heading": ""}]}]}""");
		Http.Response strange = http.post("/plays", """
				{"title": "T", "acts": [{"scenes": [{"heading": "INT. A", "elements": [{"type": "song"}]}]}]}""");
		Http.Response typo = http.post("/plays", "{\"title\": \"T\", \"actz\": []}");

		assertThat(blankTitle.json().at("/errors/0/field").asString()).isEqualTo("title");
		assertThat(headless.json().at("/errors/0/field").asString()).isEqualTo("acts[0].scenes[1].heading");
		assertThat(strange.json().at("/errors/0/field").asString()).isEqualTo("acts[0].scenes[0].elements[0].type");
		assertThat(typo.json().at("/errors/0/field").asString()).isEqualTo("actz");
		assertThat(List.of(blankTitle, headless, strange, typo)).allSatisfy(response -> {
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
		});
		assertThat(plays()).isEqualTo(before);
	}

	@Test
	void aDocumentThatIsNotUtf8OrIsBinaryIsA400WithTheLineAndOneOverTheLimitIs413() throws Exception {
		byte[] latin1 = "Title: Caf\u00e9\n\nINT. CAF\u00c9 - DAY\n".getBytes(StandardCharsets.ISO_8859_1);
		byte[] binary = "Title: x\n\nINT. A\n\n\u0000\u0001".getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> notUtf8 = postBytes(latin1);
		HttpResponse<String> notText = postBytes(binary);
		HttpResponse<String> tooLarge = postBytes(
				("Title: x\n\n" + "Words. ".repeat(10_000)).getBytes(StandardCharsets.UTF_8));

		assertThat(notUtf8.statusCode()).isEqualTo(400);
		assertThat(notUtf8.body()).contains("not valid UTF-8 at line 1");
		assertThat(notText.statusCode()).isEqualTo(400);
		assertThat(notText.body()).contains("binary").contains("line 5");
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(tooLarge.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
	}

	private JsonNode status(UUID id) {
		return http.get("/scripts/" + id + "/status").json();
	}

	private int plays() {
		return jdbc.queryForObject("SELECT count(*) FROM play", Integer.class);
	}

	private HttpResponse<String> postBytes(byte[] body) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/plays"))
				.header("Content-Type", "text/x-fountain")
				.headers(ServiceTestBed.callerHeaders(Caller.user("ada", java.util.Set.of()))
					.entrySet()
					.stream()
					.flatMap(h -> java.util.stream.Stream.of(h.getKey(), h.getValue()))
					.toArray(String[]::new))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
