package io.fountain.format;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.fountain.format.PlayDocument.ActionKind;
import io.fountain.format.PlayDocument.Parenthetical;
import io.fountain.format.PlayDocument.SceneElement;

/**
 * Writes a {@link PlayDocument} as Fountain text that {@link FountainReader} reads back
 * into the same document: every element is a paragraph of its own, and an element that
 * would not read back as what it is gets Fountain's forcing character ({@code .} heading,
 * {@code !} action, {@code @} character, {@code >} transition). A centered action is
 * written as its lines, each as {@code > line <}, one right below the other; title page
 * values written below their keys are indented as the play says (a tab, or spaces).
 */
public final class FountainWriter {

	private FountainWriter() {
	}

	public static String write(PlayDocument play) {
		List<String> paragraphs = new ArrayList<>();
		paragraphs.add(titlePage(play));
		boolean firstAct = true;
		for (PlayDocument.Act act : play.acts()) {
			if (act.title() != null) {
				paragraphs.add("# " + act.title());
			}
			else if (!firstAct || act.scenes().isEmpty()) {
				paragraphs.add("#"); // the first act needs no marker, unless nothing else
										// would make it
			}
			firstAct = false;
			for (PlayDocument.Scene scene : act.scenes()) {
				if (!scene.heading().isEmpty()) {
					paragraphs.add(heading(scene));
				}
				if (scene.synopsis() != null) {
					paragraphs.add("= " + scene.synopsis());
				}
				for (SceneElement element : scene.elements()) {
					paragraphs.add(switch (element.type()) {
						case SceneElement.DIALOGUE -> dialogue(element);
						case SceneElement.TRANSITION -> transition(element.text());
						default -> action(element.text(), ActionKind.valueOf(element.kind()));
					});
				}
			}
		}
		return String.join("\n\n", paragraphs) + "\n";
	}

	private static String titlePage(PlayDocument play) {
		StringBuilder page = new StringBuilder();
		String indent = play.titlePageIndent() == null ? PlayDocument.DEFAULT_TITLE_PAGE_INDENT
				: play.titlePageIndent();
		entry(page, indent, "Title", play.title());
		entry(page, indent, "Credit", play.credit());
		if (!play.authors().isEmpty()) {
			entry(page, indent, play.authors().size() == 1 ? "Author" : "Authors", String.join("\n", play.authors()));
		}
		entry(page, indent, "Source", play.source());
		entry(page, indent, "Draft date", play.draftDate());
		entry(page, indent, "Contact", play.contact());
		play.otherEntries().forEach(other -> entry(page, indent, other.key(), other.value()));
		return page.toString().stripTrailing();
	}

	private static void entry(StringBuilder page, String indent, String key, String value) {
		if (value == null) {
			return;
		}
		if (PlayDocument.belowKey(value)) {
			page.append(key).append(":\n");
			value.lines().forEach(line -> page.append(indent).append(line).append('\n'));
		}
		else {
			page.append(key).append(": ").append(value).append('\n');
		}
	}

	private static String heading(PlayDocument.Scene scene) {
		String heading = FountainParser.isNaturalHeading(scene.heading()) ? scene.heading() : "." + scene.heading();
		return scene.sceneNumber() == null ? heading : heading + " #" + scene.sceneNumber() + "#";
	}

	private static String transition(String text) {
		return FountainParser.isNaturalTransition(text) && readsAs(text, Element.Type.TRANSITION, text) ? text
				: "> " + text;
	}

	private static String action(String text, ActionKind kind) {
		return switch (kind) {
			case CENTERED -> String.join("\n",
					Stream.of(text.split("\n", -1)).map(line -> line.isEmpty() ? "><" : "> " + line + " <").toList());
			case LYRIC -> "~" + text;
			case PLAIN -> readsAs(text, Element.Type.ACTION, text) ? text : "!" + text;
			default -> text; // markup kept as written
		};
	}

	/**
	 * Whether the paragraph, on its own, reads back as that one element. A paragraph
	 * opening a boneyard never does: in a whole play, a {@code *}{@code /} further on
	 * could close it.
	 */
	private static boolean readsAs(String paragraph, Element.Type type, String text) {
		if (paragraph.stripLeading().startsWith("/*")) {
			return false;
		}
		List<Element> elements = FountainParser.parse("Title: x\n\n" + paragraph).elements();
		return elements.size() == 1 && elements.get(0).type() == type && elements.get(0).text().equals(text);
	}

	/**
	 * A parenthetical is stored without its parentheses; one imported before that
	 * convention (still stored as {@code (beat)}) is written as it is rather than as
	 * {@code ((beat))}.
	 */
	private static String parenthesized(String text) {
		return text.startsWith("(") && text.endsWith(")") && text.length() > 1 ? text : "(" + text + ")";
	}

	private static String dialogue(SceneElement dialogue) {
		StringBuilder block = new StringBuilder();
		String name = dialogue.character();
		boolean natural = FountainParser.isCue(name) && !name.startsWith("@") && !name.contains("(");
		block.append(natural ? name : "@" + name);
		if (dialogue.extension() != null) {
			block.append(" (").append(dialogue.extension()).append(')');
		}
		if (dialogue.isDual()) {
			block.append(" ^");
		}
		String[] lines = dialogue.text() == null || dialogue.text().isEmpty() ? new String[0]
				: dialogue.text().split("\n", -1);
		for (int i = 0; i <= lines.length; i++) {
			for (Parenthetical parenthetical : dialogue.parentheticals()) {
				if (parenthetical.beforeLine() == i || (i == lines.length && parenthetical.beforeLine() > i)) {
					block.append('\n').append(parenthesized(parenthetical.text()));
				}
			}
			if (i < lines.length) {
				block.append('\n').append(lines[i].isEmpty() ? "  " : lines[i]);
			}
		}
		return block.toString();
	}

}
