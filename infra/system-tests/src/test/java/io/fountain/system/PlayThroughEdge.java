package io.fountain.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.fountain.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * Builds a small play through the edge, route by route, the way a client app does, and
 * remembers every entity's path. The fixture of the whole-play tests: 2 acts, 4 scenes, 3
 * characters, and in each scene an action, two dialogue blocks (with parentheticals) and
 * a transition.
 */
final class PlayThroughEdge {

	final Http edge;

	final UUID scriptId;

	final List<UUID> acts = new ArrayList<>();

	final List<UUID> scenes = new ArrayList<>();

	final List<UUID> characters = new ArrayList<>();

	final List<String> elementPaths = new ArrayList<>();

	final List<UUID> dialogueOfFirstCharacter = new ArrayList<>();

	private PlayThroughEdge(Http edge, UUID scriptId) {
		this.edge = edge;
		this.scriptId = scriptId;
	}

	static PlayThroughEdge build(Http edge, String title) {
		PlayThroughEdge play = new PlayThroughEdge(edge,
				id(edge.post("/scripts", "{\"title\": \"" + title + "\", \"authors\": [\"Tennessee Williams\"]}")));
		for (String name : List.of("BRICK", "MAGGIE", "BIG DADDY")) {
			play.characters
				.add(id(edge.post("/scripts/" + play.scriptId + "/characters", "{\"name\": \"" + name + "\"}")));
		}
		for (int a = 1; a <= 2; a++) {
			UUID act = id(edge.post("/scripts/" + play.scriptId + "/acts", "{\"title\": \"ACT " + a + "\"}"));
			play.acts.add(act);
			for (int s = 1; s <= 2; s++) {
				UUID scene = id(edge.post("/acts/" + act + "/scenes", "{\"heading\": \"INT. ROOM " + a + "." + s
						+ " - NIGHT\", \"sceneNumber\": \"" + a + s + "\"}"));
				play.scenes.add(scene);
				play.element("actions", id(edge.post("/scenes/" + scene + "/actions",
						"{\"text\": \"Scene " + a + "." + s + " begins.\"}")));
				UUID first = id(edge.post("/scenes/" + scene + "/dialogues",
						"{\"characterId\": \"" + play.characters.get(0)
								+ "\", \"text\": \"Line one.\\nLine two.\", \"parentheticals\": "
								+ "[{\"text\": \"beat\", \"beforeLine\": 1}]}"));
				play.element("dialogues", first);
				play.dialogueOfFirstCharacter.add(first);
				play.element("dialogues", id(edge.post("/scenes/" + scene + "/dialogues", "{\"characterId\": \""
						+ play.characters.get(1) + "\", \"text\": \"An answer.\", \"extension\": \"O.S.\"}")));
				play.element("transitions",
						id(edge.post("/scenes/" + scene + "/transitions", "{\"text\": \"CUT TO:\"}")));
			}
		}
		return play;
	}

	/** Every entity of the play, as the edge path that reads it. */
	List<String> allPaths() {
		List<String> paths = new ArrayList<>(List.of("/scripts/" + scriptId));
		acts.forEach(a -> paths.add("/acts/" + a));
		scenes.forEach(s -> paths.add("/scenes/" + s));
		characters.forEach(c -> paths.add("/characters/" + c));
		paths.addAll(elementPaths);
		return paths;
	}

	JsonNode tree() {
		Http.Response tree = edge.get("/scripts/" + scriptId + "/tree");
		assertThat(tree.status()).as(tree.toString()).isEqualTo(200);
		return tree.json();
	}

	private void element(String collection, UUID id) {
		elementPaths.add("/" + collection + "/" + id);
	}

	static UUID id(Http.Response created) {
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().get("id").asString());
	}

}
