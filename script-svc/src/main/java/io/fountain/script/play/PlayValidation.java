package io.fountain.script.play;

import java.util.List;
import java.util.Set;

import io.fountain.format.PlayDocument;
import io.fountain.format.PlayDocument.SceneElement;

/**
 * The shape of a play document: what each field may hold, the same limits as the
 * services' own APIs. Business rules (a dialogue's character is in the play, one name per
 * character, how many parts a parent may have) belong to the services that own the parts:
 * breaking them fails the saga, not the request.
 */
final class PlayValidation {

	private static final Set<String> ACTION_KINDS = Set.of("PLAIN", "CENTERED", "LYRIC", "SECTION", "SYNOPSIS", "NOTE",
			"BONEYARD", "PAGE_BREAK");

	private PlayValidation() {
	}

	static void check(PlayDocument play) {
		text("title", required("title", play.title()), 1, 300);
		text("credit", play.credit(), 0, 200);
		max("authors", play.authors(), 20);
		for (int i = 0; i < play.authors().size(); i++) {
			text("authors[" + i + "]", required("authors[" + i + "]", play.authors().get(i)), 1, 200);
		}
		text("source", play.source(), 0, 1000);
		text("draftDate", play.draftDate(), 0, 100);
		text("contact", play.contact(), 0, 1000);
		max("otherEntries", play.otherEntries(), 50);
		for (int i = 0; i < play.otherEntries().size(); i++) {
			PlayDocument.TitleEntry entry = play.otherEntries().get(i);
			text("otherEntries[" + i + "].key", required("otherEntries[" + i + "].key", entry.key()), 1, 100);
			text("otherEntries[" + i + "].value", required("otherEntries[" + i + "].value", entry.value()), 0, 2000);
		}
		for (int i = 0; i < play.characters().size(); i++) {
			PlayDocument.Character character = play.characters().get(i);
			text("characters[" + i + "].name", required("characters[" + i + "].name", character.name()), 1, 100);
			text("characters[" + i + "].description", character.description(), 0, 2000);
		}
		for (int a = 0; a < play.acts().size(); a++) {
			PlayDocument.Act act = play.acts().get(a);
			String actPath = "acts[" + a + "]";
			text(actPath + ".title", act.title(), 0, 300);
			for (int s = 0; s < act.scenes().size(); s++) {
				scene(actPath + ".scenes[" + s + "]", act.scenes().get(s), s == 0);
			}
		}
	}

	private static void scene(String path, PlayDocument.Scene scene, boolean first) {
		String heading = required(path + ".heading", scene.heading());
		if (heading.isBlank() && !heading.isEmpty() || heading.isEmpty() && !first) {
			throw new InvalidPlay(path + ".heading",
					"must not be blank (only an act's first scene may have an empty heading: what comes before it)");
		}
		text(path + ".heading", heading, 0, 300);
		text(path + ".sceneNumber", scene.sceneNumber(), 0, 20);
		text(path + ".synopsis", scene.synopsis(), 0, 2000);
		for (int e = 0; e < scene.elements().size(); e++) {
			element(path + ".elements[" + e + "]", scene.elements().get(e));
		}
	}

	private static void element(String path, SceneElement element) {
		String type = required(path + ".type", element.type());
		switch (type) {
			case SceneElement.ACTION -> {
				text(path + ".text", required(path + ".text", element.text()), 1, 20_000);
				if (element.kind() != null && !ACTION_KINDS.contains(element.kind())) {
					throw new InvalidPlay(path + ".kind", "must be one of " + ACTION_KINDS);
				}
			}
			case SceneElement.DIALOGUE -> {
				text(path + ".character", required(path + ".character", element.character()), 1, 100);
				text(path + ".text", element.text(), 0, 20_000);
				text(path + ".extension", element.extension(), 0, 30);
				max(path + ".parentheticals", element.parentheticals(), 50);
				for (int p = 0; p < element.parentheticals().size(); p++) {
					PlayDocument.Parenthetical parenthetical = element.parentheticals().get(p);
					String at = path + ".parentheticals[" + p + "]";
					text(at + ".text", required(at + ".text", parenthetical.text()), 1, 200);
					if (parenthetical.beforeLine() < 0 || parenthetical.beforeLine() > 10_000) {
						throw new InvalidPlay(at + ".beforeLine", "must be between 0 and 10000");
					}
				}
			}
			case SceneElement.TRANSITION -> text(path + ".text", required(path + ".text", element.text()), 1, 100);
			default -> throw new InvalidPlay(path + ".type", "must be action, dialogue or transition");
		}
	}

	private static String required(String field, String value) {
		if (value == null) {
			throw new InvalidPlay(field, "is required");
		}
		return value;
	}

	private static void text(String field, String value, int min, int max) {
		if (value == null) {
			return;
		}
		if (min > 0 && value.isBlank()) {
			throw new InvalidPlay(field, "must not be blank");
		}
		if (value.length() > max) {
			throw new InvalidPlay(field, "must be at most " + max + " characters (is " + value.length() + ")");
		}
	}

	private static void max(String field, List<?> list, int max) {
		if (list.size() > max) {
			throw new InvalidPlay(field, "must have at most " + max + " entries (has " + list.size() + ")");
		}
	}

}
