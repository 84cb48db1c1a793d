package io.fountain.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.fountain.format.Element.Type;
import io.fountain.format.PlayDocument.ActionKind;
import io.fountain.format.PlayDocument.Parenthetical;
import io.fountain.format.PlayDocument.SceneElement;
import io.fountain.format.PlayDocument.TitleEntry;

/**
 * Reads a Fountain document into a {@link PlayDocument}: level-1 sections become acts
 * (content before the first, or all of it when there is none, goes to an untitled act),
 * scene headings scenes (content before an act's first heading goes to a scene with an
 * empty heading), character cues the cast, and whatever has no entity of its own (deeper
 * sections, synopses other than a scene's, notes, boneyards, page breaks) an action of
 * its kind where it stood. Consecutive centered lines ({@code > THE END <} on lines with
 * no blank line between them) are one centered action, a block of lines; the title page's
 * indentation (a tab, or spaces) is kept for export.
 */
public final class FountainReader {

	/** The play's title when the title page has none. */
	public static final String UNTITLED = "Untitled";

	private FountainReader() {
	}

	public static PlayDocument read(String fountain) {
		return read(FountainParser.parse(fountain));
	}

	public static PlayDocument read(Screenplay screenplay) {
		Builder builder = new Builder();
		screenplay.titlePage().forEach(builder::titleEntry);
		screenplay.elements().forEach(builder::element);
		return builder.build();
	}

	private static final class Builder {

		private String title;

		private String credit;

		private final List<String> authors = new ArrayList<>();

		private String source;

		private String draftDate;

		private String contact;

		private final List<TitleEntry> others = new ArrayList<>();

		private String titlePageIndent;

		private final Map<String, PlayDocument.Character> cast = new LinkedHashMap<>();

		private final List<ActBuilder> acts = new ArrayList<>();

		private SceneBuilder scene;

		private DialogueBuilder dialogue;

		private Element previous;

		void titleEntry(Screenplay.TitleEntry entry) {
			String value = entry.value();
			if (titlePageIndent == null && PlayDocument.indented(value)) {
				titlePageIndent = entry.indent(); // the first value export indents says
													// how
			}
			switch (entry.key().toLowerCase(Locale.ROOT)) {
				case "title" -> title = title == null ? value : addOther(entry, title);
				case "credit" -> credit = credit == null ? value : addOther(entry, credit);
				case "author", "authors" ->
					value.lines().map(String::strip).filter(s -> !s.isEmpty()).forEach(authors::add);
				case "source" -> source = source == null ? value : addOther(entry, source);
				case "draft date", "date" -> draftDate = draftDate == null ? value : addOther(entry, draftDate);
				case "contact" -> contact = contact == null ? value : addOther(entry, contact);
				default -> others.add(new TitleEntry(entry.key(), value));
			}
		}

		private String addOther(Screenplay.TitleEntry entry, String kept) {
			others.add(new TitleEntry(entry.key(), entry.value()));
			return kept;
		}

		void element(Element element) {
			if (dialogue != null && !continuesDialogue(element)) {
				scene().elements.add(dialogue.build());
				dialogue = null;
			}
			switch (element.type()) {
				case SECTION -> {
					if (element.level() == 1) {
						acts.add(new ActBuilder(element.text().isBlank() ? null : element.text()));
						scene = null;
					}
					else {
						action("#".repeat(element.level()) + " " + element.text(), ActionKind.SECTION);
					}
				}
				case HEADING -> {
					act().scenes.add(scene = new SceneBuilder(element.text(), element.sceneNumber()));
				}
				case SYNOPSIS -> {
					if (previous != null && previous.type() == Type.HEADING && scene.synopsis == null) {
						scene.synopsis = element.text();
					}
					else {
						action("= " + element.text(), ActionKind.SYNOPSIS);
					}
				}
				case CHARACTER -> {
					cast.putIfAbsent(element.text().toUpperCase(Locale.ROOT),
							new PlayDocument.Character(element.text(), null));
					dialogue = new DialogueBuilder(element);
				}
				case DIALOGUE -> dialogue.lines.addAll(element.text().lines().toList().isEmpty() ? List.of("")
						: List.of(element.text().split("\n", -1)));
				case PARENTHETICAL -> dialogue.parentheticals.add(new Parenthetical(
						element.text().substring(1, element.text().length() - 1), dialogue.lines.size()));
				case LYRIC -> {
					if (dialogue != null) {
						dialogue.lines.add("~" + element.text());
					}
					else {
						action(element.text(), ActionKind.LYRIC);
					}
				}
				case ACTION -> action(element.text(), ActionKind.PLAIN);
				case CENTERED -> centered(element);
				case NOTE -> action(element.text(), ActionKind.NOTE);
				case BONEYARD -> action(element.text(), ActionKind.BONEYARD);
				case PAGE_BREAK -> action(element.text(), ActionKind.PAGE_BREAK);
				case TRANSITION -> scene().elements.add(SceneElement.transition(element.text()));
			}
			previous = element;
			if (dialogue != null) {
				dialogue.lastLine = element.line() + (int) element.text().chars().filter(c -> c == '\n').count();
			}
		}

		/**
		 * Lines of a dialogue block follow each other; a lyric after a blank line is
		 * action again.
		 */
		private boolean continuesDialogue(Element element) {
			return switch (element.type()) {
				case DIALOGUE, PARENTHETICAL, LYRIC -> element.line() == dialogue.lastLine + 1;
				default -> false;
			};
		}

		private void action(String text, ActionKind kind) {
			scene().elements.add(SceneElement.action(text, kind));
		}

		/**
		 * A centered line right below another goes on the same centered action: the block
		 * stays a block.
		 */
		private void centered(Element element) {
			boolean continues = previous != null && previous.type() == Type.CENTERED
					&& element.line() == previous.line() + 1;
			if (!continues) {
				action(element.text(), ActionKind.CENTERED);
				return;
			}
			List<SceneElement> elements = scene().elements;
			SceneElement block = elements.get(elements.size() - 1);
			elements.set(elements.size() - 1,
					SceneElement.action(block.text() + "\n" + element.text(), ActionKind.CENTERED));
		}

		private ActBuilder act() {
			if (acts.isEmpty()) {
				acts.add(new ActBuilder(null));
			}
			return acts.get(acts.size() - 1);
		}

		private SceneBuilder scene() {
			ActBuilder act = act();
			if (scene == null || act.scenes.isEmpty()) {
				act.scenes.add(scene = new SceneBuilder("", null));
			}
			return scene;
		}

		PlayDocument build() {
			if (dialogue != null) {
				scene().elements.add(dialogue.build());
			}
			return new PlayDocument(title == null || title.isBlank() ? UNTITLED : title, credit, authors, source,
					draftDate, contact, others, List.copyOf(cast.values()),
					acts.stream().map(ActBuilder::build).toList(), titlePageIndent);
		}

	}

	private static final class ActBuilder {

		final String title;

		final List<SceneBuilder> scenes = new ArrayList<>();

		ActBuilder(String title) {
			this.title = title;
		}

		PlayDocument.Act build() {
			return new PlayDocument.Act(title, scenes.stream().map(SceneBuilder::build).toList());
		}

	}

	private static final class SceneBuilder {

		final String heading;

		final String sceneNumber;

		String synopsis;

		final List<SceneElement> elements = new ArrayList<>();

		SceneBuilder(String heading, String sceneNumber) {
			this.heading = heading;
			this.sceneNumber = sceneNumber;
		}

		PlayDocument.Scene build() {
			return new PlayDocument.Scene(heading, sceneNumber, synopsis, elements);
		}

	}

	private static final class DialogueBuilder {

		final Element cue;

		final List<String> lines = new ArrayList<>();

		final List<Parenthetical> parentheticals = new ArrayList<>();

		int lastLine;

		DialogueBuilder(Element cue) {
			this.cue = cue;
			this.lastLine = cue.line();
		}

		SceneElement build() {
			return SceneElement.dialogue(cue.text(), cue.extension(), cue.dual(), String.join("\n", lines),
					parentheticals);
		}

	}

}
