package io.fountain.edge.tree;

import java.util.ArrayList;
import java.util.List;

import io.fountain.format.PlayDocument;
import io.fountain.format.PlayDocument.ActionKind;
import io.fountain.format.PlayDocument.SceneElement;
import tools.jackson.databind.JsonNode;

/**
 * Reads a play tree (as {@link PlayTrees} assembles it) into the play document that
 * export writes as Fountain.
 */
final class PlayTreeDocument {

	private PlayTreeDocument() {
	}

	static PlayDocument of(JsonNode tree) {
		List<PlayDocument.TitleEntry> others = new ArrayList<>();
		tree.path("otherEntries")
			.forEach(e -> others.add(new PlayDocument.TitleEntry(text(e, "key"), text(e, "value"))));
		List<String> authors = new ArrayList<>();
		tree.path("authors").forEach(a -> authors.add(a.asString()));
		List<PlayDocument.Character> characters = new ArrayList<>();
		tree.path("characters")
			.forEach(c -> characters.add(new PlayDocument.Character(text(c, "name"), text(c, "description"))));
		List<PlayDocument.Act> acts = new ArrayList<>();
		for (JsonNode act : tree.path("acts")) {
			List<PlayDocument.Scene> scenes = new ArrayList<>();
			for (JsonNode scene : act.path("scenes")) {
				List<SceneElement> elements = new ArrayList<>();
				for (JsonNode element : scene.path("elements")) {
					elements.add(element(element));
				}
				scenes.add(new PlayDocument.Scene(text(scene, "heading"), text(scene, "sceneNumber"),
						text(scene, "synopsis"), elements));
			}
			acts.add(new PlayDocument.Act(text(act, "title"), scenes));
		}
		return new PlayDocument(text(tree, "title"), text(tree, "credit"), authors, text(tree, "source"),
				text(tree, "draftDate"), text(tree, "contact"), others, characters, acts,
				text(tree, "titlePageIndent"));
	}

	private static SceneElement element(JsonNode element) {
		return switch (element.path("type").asString()) {
			case "dialogue" -> {
				List<PlayDocument.Parenthetical> parentheticals = new ArrayList<>();
				element.path("parentheticals")
					.forEach(p -> parentheticals
						.add(new PlayDocument.Parenthetical(text(p, "text"), p.path("beforeLine").asInt())));
				yield SceneElement.dialogue(text(element, "characterName"), text(element, "extension"),
						element.path("dual").asBoolean(), text(element, "text"), parentheticals);
			}
			case "transition" -> SceneElement.transition(text(element, "text"));
			default -> SceneElement.action(text(element, "text"), ActionKind.valueOf(text(element, "kind")));
		};
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isNull() || value.isMissingNode() ? null : value.asString();
	}

}
