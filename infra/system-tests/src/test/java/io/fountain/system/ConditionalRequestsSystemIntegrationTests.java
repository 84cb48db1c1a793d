package io.fountain.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fountain.local.LocalStack;
import io.fountain.testing.Http;

/**
 * Conditional requests through the edge (issue 18): two co-authors of one play, each app
 * holding copies with their ETags; a change on a version someone else changed since is
 * refused with 412 and changes nothing, and the whole play's tag tells an app when its
 * copy of the tree is stale without the play being gathered again.
 */
class ConditionalRequestsSystemIntegrationTests {

	private static LocalStack stack;

	@BeforeAll
	static void startTheSystem() {
		stack = SystemUnderTest.stack();
	}

	private static Http as(String user) {
		return new Http(stack.edgeUrl(), Map.of("Authorization", "Bearer " + stack.token(user)));
	}

	private static Http with(Http http, String header, String value) {
		return http.withHeaders(Map.of(header, value));
	}

	@Test
	void aCoAuthorsEditOnAVersionChangedSinceIsA412AndTheFirstEditStays() {
		Http ada = as("ada");
		Http bob = as("bob");
		PlayThroughEdge play = PlayThroughEdge.build(ada, "Two hands");
		String act = "/acts/" + play.acts.get(0);
		assertThat(ada
			.send("PUT", "/scripts/" + play.scriptId + "/collaborators/bob", "{\"role\": \"editor\"}",
					"application/json")
			.status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).until(() -> bob.get(act).status() == 200);

		String adasCopy = ada.get(act).header("ETag");
		String bobsCopy = bob.get(act).header("ETag");
		assertThat(adasCopy).isNotNull().isEqualTo(bobsCopy);
		assertThat(with(bob, "If-None-Match", bobsCopy).get(act).status()).isEqualTo(304);

		Http.Response adaEdits = with(ada, "If-Match", adasCopy).patch(act, "{\"title\": \"Ada's title\"}");
		assertThat(adaEdits.status()).as(adaEdits.toString()).isEqualTo(200);
		assertThat(adaEdits.header("ETag")).isNotEqualTo(adasCopy);

		Http.Response bobEdits = with(bob, "If-Match", bobsCopy).patch(act, "{\"title\": \"Bob's title\"}");
		assertThat(bobEdits.status()).as(bobEdits.toString()).isEqualTo(412);
		assertThat(bobEdits.contentType()).startsWith("application/problem+json");
		assertThat(bobEdits.json().get("detail").asString()).contains(adaEdits.header("ETag"));
		assertThat(bob.get(act).json().get("title").asString()).isEqualTo("Ada's title");

		// Bob's app reads the act again, shows Ada's change, and Bob's edit then goes in.
		Http.Response reread = with(bob, "If-None-Match", bobsCopy).get(act);
		assertThat(reread.status()).isEqualTo(200);
		Http.Response bobEditsAgain = with(bob, "If-Match", reread.header("ETag")).patch(act,
				"{\"title\": \"Bob's title\"}");
		assertThat(bobEditsAgain.status()).isEqualTo(200);
		assertThat(ada.get(act).json().get("title").asString()).isEqualTo("Bob's title");

		String script = "/scripts/" + play.scriptId;
		assertThat(with(ada, "If-Match", "\"999\"").delete(script).status()).isEqualTo(412);
		assertThat(ada.get(script).status()).as("a refused deletion deletes nothing").isEqualTo(200);
	}

	@Test
	void thePlaysTagChangesWithAnyChangeInItAndUntilThenATreeIsNotGatheredAgain() {
		Http ada = as("ada");
		PlayThroughEdge play = PlayThroughEdge.build(ada, "Tagged");
		String tree = "/scripts/" + play.scriptId + "/tree";
		// The play's tag counts the events script-svc has applied: wait for all of the
		// building's.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> ada.get("/scripts/" + play.scriptId + "/history").json().get("total").asInt() == 26);

		Http.Response first = ada.get(tree);
		assertThat(first.status()).isEqualTo(200);
		String tag = first.header("ETag");
		assertThat(tag).startsWith("\"play-");
		assertThat(first.header("Cache-Control")).contains("private").contains("no-cache");
		Http.Response unchanged = with(ada, "If-None-Match", tag).get(tree);
		assertThat(unchanged.status()).isEqualTo(304);
		assertThat(unchanged.body()).isEmpty();
		assertThat(unchanged.header("ETag")).isEqualTo(tag);

		Http.Response fountain = ada.withHeaders(Map.of("Accept", "text/x-fountain")).get("/scripts/" + play.scriptId);
		assertThat(fountain.status()).isEqualTo(200);
		assertThat(fountain.header("ETag")).isEqualTo(tag);
		assertThat(ada.withHeaders(Map.of("Accept", "text/x-fountain", "If-None-Match", tag))
			.get("/scripts/" + play.scriptId)
			.status()).isEqualTo(304);

		// A change deep in the play (a scene's heading) changes the play's tag, once
		// script-svc has its event; the tree then has the change.
		String scene = "/scenes/" + play.scenes.get(0);
		assertThat(ada.patch(scene, "{\"heading\": \"EXT. RIVER - DAWN\"}").status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> with(ada, "If-None-Match", tag).get(tree).status() == 200);
		Http.Response changed = ada.get(tree);
		assertThat(changed.header("ETag")).isNotEqualTo(tag);
		assertThat(changed.body()).contains("EXT. RIVER - DAWN");

		// Someone the play is not shared with learns nothing from a tag: 404, as without.
		assertThat(with(as("eve"), "If-None-Match", changed.header("ETag")).get(tree).status()).isEqualTo(404);
	}

}
