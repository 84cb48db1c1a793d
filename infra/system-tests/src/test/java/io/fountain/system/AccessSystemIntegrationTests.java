package io.fountain.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fountain.local.LocalStack;
import io.fountain.testing.Http;

/**
 * Who may touch a play, through the real edge and every service: its owner everything;
 * anyone else sees nothing (404 on every route, no hint it exists, nothing changed);
 * collaborators what their role allows, as soon as each service has heard of the change
 * from script events.
 */
class AccessSystemIntegrationTests {

	private static LocalStack stack;

	private static ServiceDatabases databases;

	@BeforeAll
	static void startTheSystem() {
		stack = SystemUnderTest.stack();
		databases = new ServiceDatabases(stack);
	}

	private static Http as(String user) {
		return new Http(stack.edgeUrl(), Map.of("Authorization", "Bearer " + stack.token(user)));
	}

	@Test
	void anotherUserGets404OnEveryRouteOfThePlayAndChangesNothing() {
		PlayThroughEdge play = PlayThroughEdge.build(as("ada"), "Not Bob's");
		Http bob = as("bob");
		Map<String, String> before = databases.fingerprint();

		String character = play.characters.get(0).toString();
		Map<String, String> bodies = Map.of("scripts", "{\"title\": \"Mine now\"}", "acts", "{\"title\": \"Mine\"}",
				"scenes", "{\"heading\": \"INT. MINE - DAY\"}", "characters", "{\"name\": \"BOB\"}", "actions",
				"{\"text\": \"Mine.\"}", "dialogues", "{\"characterId\": \"" + character + "\", \"text\": \"Mine.\"}",
				"transitions", "{\"text\": \"CUT TO:\"}");
		List<String> answers = new ArrayList<>();
		for (String path : play.allPaths()) {
			String body = bodies.get(path.split("/")[1]); // a valid change: the answer is
															// about access, not shape
			answers.add("GET " + path + " " + bob.get(path).status());
			answers.add("PATCH " + path + " " + bob.patch(path, body).status());
			answers.add("DELETE " + path + " " + bob.delete(path).status());
		}
		String script = "/scripts/" + play.scriptId;
		String act = "/acts/" + play.acts.get(0);
		String scene = "/scenes/" + play.scenes.get(0);
		for (String children : List.of(script + "/acts", script + "/characters", act + "/scenes", scene + "/actions",
				scene + "/dialogues", scene + "/transitions")) {
			String[] segments = children.split("/");
			answers.add("GET " + children + " " + bob.get(children).status());
			answers
				.add("POST " + children + " " + bob.post(children, bodies.get(segments[segments.length - 1])).status());
		}
		for (String read : List.of(script + "/tree", script + "/status", script + "/collaborators")) {
			answers.add("GET " + read + " " + bob.get(read).status());
		}
		answers.add("GET " + script + " as Fountain "
				+ bob.withHeaders(Map.of("Accept", "text/x-fountain")).get(script).status());
		answers.add("PUT collaborator "
				+ bob.send("PUT", script + "/collaborators/bob", "{\"role\": \"editor\"}", "application/json")
					.status());
		answers.add("DELETE collaborator " + bob.delete(script + "/collaborators/ada").status());

		assertThat(answers).allSatisfy(answer -> assertThat(answer).endsWith(" 404"));
		assertThat(answers).hasSizeGreaterThan(90);
		assertThat(bob.get("/scripts").body()).doesNotContain(play.scriptId.toString());
		assertThat(databases.fingerprint()).as("nothing bob tried changed anything").isEqualTo(before);
		assertThat(as("ada").get(act).status()).isEqualTo(200);
	}

	@Test
	void collaboratorsDoWhatTheirRoleAllowsAndLoseItWhenRemoved() {
		Http ada = as("ada");
		Http cy = as("cy");
		PlayThroughEdge play = PlayThroughEdge.build(ada, "Shared");
		String script = "/scripts/" + play.scriptId;
		String act = "/acts/" + play.acts.get(0);
		assertThat(cy.get(act).status()).isEqualTo(404);

		Http.Response shared = ada.send("PUT", script + "/collaborators/cy", "{\"role\": \"viewer\"}",
				"application/json");
		assertThat(shared.status()).as(shared.toString()).isEqualTo(200);
		assertThat(shared.json().get("collaborators").toString()).contains("\"cy\"").contains("viewer");
		// Every service learns of it from script events: the act's service too, in a
		// moment.
		await().atMost(Duration.ofSeconds(30)).until(() -> cy.get(act).status() == 200);
		assertThat(cy.get(script + "/tree").status()).isEqualTo(200);
		assertThat(cy.get("/scripts").body()).contains(play.scriptId.toString());
		Http.Response viewerWrites = cy.patch(act, "{\"title\": \"Viewer was here\"}");
		assertThat(viewerWrites.status()).isEqualTo(403);
		assertThat(viewerWrites.json().get("detail").asString()).contains("viewer");
		assertThat(cy.post(act + "/scenes", "{\"heading\": \"INT. NO\"}").status()).isEqualTo(403);

		assertThat(ada.send("PUT", script + "/collaborators/cy", "{\"role\": \"editor\"}", "application/json").status())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> cy.patch(act, "{\"title\": \"Edited by cy\"}").status() == 200);
		assertThat(PlayThroughEdge.id(cy.post(act + "/scenes", "{\"heading\": \"INT. CY'S SCENE\"}"))).isNotNull();
		assertThat(cy.delete(script).status()).as("an editor does not delete the script").isEqualTo(403);
		assertThat(cy.send("PUT", script + "/collaborators/dee", "{\"role\": \"viewer\"}", "application/json").status())
			.as("nor share it")
			.isEqualTo(403);

		assertThat(ada.delete(script + "/collaborators/cy").status()).isEqualTo(204);
		await().atMost(Duration.ofSeconds(30)).until(() -> cy.get(act).status() == 404);
		assertThat(cy.get(script).status()).isEqualTo(404);
	}

	@Test
	void sharingNamesTheBadFieldAndOnlyTheOwnerShares() {
		Http ada = as("ada");
		PlayThroughEdge play = PlayThroughEdge.build(ada, "Shared badly");
		String collaborators = "/scripts/" + play.scriptId + "/collaborators/";

		Http.Response badRole = ada.send("PUT", collaborators + "eve", "{\"role\": \"owner\"}", "application/json");
		assertThat(badRole.status()).isEqualTo(400);
		assertThat(badRole.body()).contains("role");
		Http.Response badUser = ada.send("PUT", collaborators + "not%20a%20user", "{\"role\": \"viewer\"}",
				"application/json");
		assertThat(badUser.status()).isEqualTo(400);
		assertThat(badUser.body()).contains("userId");
		assertThat(ada.send("PUT", collaborators + "ada", "{\"role\": \"editor\"}", "application/json").status())
			.as("the owner is not their own collaborator")
			.isEqualTo(422);
	}

}
