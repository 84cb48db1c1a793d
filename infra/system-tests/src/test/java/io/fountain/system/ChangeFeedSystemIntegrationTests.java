package io.fountain.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fountain.local.LocalStack;
import io.fountain.testing.EventStream;
import io.fountain.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * The play's change feed through the edge (issue 18), with real clients reading
 * Server-Sent Events over HTTP: one co-author edits, the other sees it; a reconnect with
 * Last-Event-ID misses nothing and repeats nothing; a collaborator removed stops
 * receiving; the stream ends with the play; a user has at most four open.
 */
class ChangeFeedSystemIntegrationTests {

	private static LocalStack stack;

	@BeforeAll
	static void startTheSystem() {
		stack = SystemUnderTest.stack();
	}

	private static Http as(String user) {
		return new Http(stack.edgeUrl(), Map.of("Authorization", "Bearer " + stack.token(user)));
	}

	@Test
	void aCoAuthorSeesAnEditWithinASecondAndAReconnectMissesNothingAndRepeatsNothing() {
		Http ada = as("ada");
		PlayThroughEdge play = PlayThroughEdge.build(ada, "Watched");
		share(ada, play, "bob", "editor");
		String act = "/acts/" + play.acts.get(0);
		String changes = "/scripts/" + play.scriptId + "/changes";

		List<EventStream.Event> seen;
		try (EventStream bob = feed("bob", changes, null)) {
			assertThat(bob.status()).isEqualTo(200);
			assertThat(bob.contentType()).startsWith("text/event-stream");
			assertThat(ada.patch(act, "{\"title\": \"Ada's act\"}").status()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(1)).until(() -> bob.events("change").size() == 1);
			JsonNode change = bob.events("change").get(0).json();
			assertThat(change.get("kind").asString()).isEqualTo("act");
			assertThat(change.get("id").asString()).isEqualTo(play.acts.get(0).toString());
			assertThat(change.get("change").asString()).isEqualTo("updated");
			assertThat(change.get("user").asString()).isEqualTo("ada");
			assertThat(change.get("fields").toString()).contains("title");
			seen = bob.events("change");
		}

		// While bob is away, three changes, from two services.
		assertThat(ada.patch(act, "{\"title\": \"Ada's act, again\"}").status()).isEqualTo(200);
		assertThat(ada.patch("/scenes/" + play.scenes.get(0), "{\"heading\": \"EXT. RIVER\"}").status()).isEqualTo(200);
		assertThat(ada.delete(play.elementPaths.get(0)).status()).isEqualTo(204);

		String last = seen.get(seen.size() - 1).id();
		try (EventStream bob = feed("bob", changes, last)) {
			await().atMost(Duration.ofSeconds(10)).until(() -> bob.events("change").size() == 3);
			List<EventStream.Event> missed = bob.events("change");
			assertThat(missed).extracting(event -> event.json().get("kind").asString())
				.containsExactly("act", "scene", play.elementPaths.get(0).split("/")[1].replaceAll("s$", ""));
			assertThat(missed).extracting(event -> Long.parseLong(event.id()))
				.isSorted()
				.doesNotHaveDuplicates()
				.allSatisfy(id -> assertThat(id).isGreaterThan(Long.parseLong(last)));
			// One more change arrives once, after the three: nothing of before is sent
			// again.
			assertThat(ada.patch(act, "{\"title\": \"Ada's act, third\"}").status()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(10)).until(() -> bob.events("change").size() == 4);
			assertThat(bob.events("change")).extracting(EventStream.Event::id).doesNotHaveDuplicates();
		}
	}

	@Test
	void aCollaboratorRemovedStopsReceivingAndEveryStreamEndsWithThePlay() {
		Http ada = as("ada");
		PlayThroughEdge play = PlayThroughEdge.build(ada, "Ending");
		share(ada, play, "cy", "viewer");
		String changes = "/scripts/" + play.scriptId + "/changes";
		try (EventStream cy = feed("cy", changes, null); EventStream owner = feed("ada", changes, null)) {
			assertThat(cy.status()).isEqualTo(200);
			assertThat(ada.delete("/scripts/" + play.scriptId + "/collaborators/cy").status()).isEqualTo(204);
			await().atMost(Duration.ofSeconds(10)).until(cy::ended);
			assertThat(cy.events()).last().satisfies(end -> {
				assertThat(end.name()).isEqualTo("end");
				assertThat(end.data()).contains("no longer read it");
			});
			assertThat(ada.patch("/acts/" + play.acts.get(0), "{\"title\": \"After cy\"}").status()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> owner.events("change").stream().anyMatch(e -> e.data().contains("\"updated\"")));
			assertThat(cy.events("change")).noneMatch(e -> e.data().contains("\"updated\""));

			assertThat(ada.delete("/scripts/" + play.scriptId).status()).isEqualTo(202);
			await().atMost(Duration.ofSeconds(10)).until(owner::ended);
			assertThat(owner.events()).last().extracting(EventStream.Event::name).isEqualTo("end");
		}
	}

	@Test
	void aFeedIsRefusedToStrangersAndBeyondFourAUserAndTheOpsPageCountsThem() {
		Http dee = as("dee");
		PlayThroughEdge play = PlayThroughEdge.build(dee, "Many eyes");
		String changes = "/scripts/" + play.scriptId + "/changes";
		try (EventStream stranger = feed("eve", changes, null)) {
			assertThat(stranger.status()).isEqualTo(404);
			assertThat(stranger.contentType()).startsWith("application/problem+json");
		}
		try (EventStream bad = feed("dee", changes, "yesterday")) {
			assertThat(bad.status()).isEqualTo(400);
			assertThat(bad.body()).contains("Last-Event-ID");
		}
		List<EventStream> open = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				open.add(feed("dee", changes, null));
				assertThat(open.get(i).status()).isEqualTo(200);
			}
			Http operator = new Http(stack.edgeUrl(),
					Map.of("Authorization", "Bearer " + stack.token("op", "operator")));
			JsonNode streams = operator.get("/ops/streams").json();
			assertThat(streams.get("everywhere").asLong()).isGreaterThanOrEqualTo(4);
			assertThat(streams.at("/here/streams").asInt()).isGreaterThanOrEqualTo(4);
			try (EventStream fifth = feed("dee", changes, null)) {
				assertThat(fifth.status()).isEqualTo(429);
				assertThat(fifth.contentType()).startsWith("application/problem+json");
				assertThat(fifth.body()).contains("change feeds open");
			}
			// A client that goes away frees its place once the edge notices: at the
			// latest
			// at the next heartbeat (15 s).
			open.remove(0).close();
			await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).until(() -> {
				try (EventStream again = feed("dee", changes, null)) {
					return again.status() == 200;
				}
			});
		}
		finally {
			open.forEach(EventStream::close);
		}
	}

	private static void share(Http owner, PlayThroughEdge play, String user, String role) {
		assertThat(owner
			.send("PUT", "/scripts/" + play.scriptId + "/collaborators/" + user, "{\"role\": \"" + role + "\"}",
					"application/json")
			.status()).isEqualTo(200);
		// The feed asks script-svc, which shares at once: no other service need have
		// heard.
		assertThat(as(user).get("/scripts/" + play.scriptId).status()).isEqualTo(200);
	}

	/** A client of the feed, as the user. */
	private static EventStream feed(String user, String path, String lastEventId) {
		Map<String, String> headers = new HashMap<>(Map.of("Authorization", "Bearer " + stack.token(user)));
		if (lastEventId != null) {
			headers.put("Last-Event-ID", lastEventId);
		}
		return EventStream.open(URI.create(stack.edgeUrl() + path), headers);
	}

}
