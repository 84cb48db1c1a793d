package io.fountain.format;

import java.util.List;

/**
 * A whole play as Fountain's entities hold it: title page, characters, acts → scenes →
 * elements. It is what {@code POST /plays} takes as JSON, what a Fountain document is
 * read into, and what export writes back out.
 *
 * @param otherEntries title page entries Fountain's entities have no field for (e.g.
 * {@code Notes}, {@code Copyright}), kept in order so that export gives them back
 * @param titlePageIndent how the title page indents the lines of a value of several
 * lines, written below its key: a tab, or three spaces or more, as the writer had it.
 * Null for the default, four spaces, which is what it becomes when it is four spaces or
 * when no value has several lines (nothing is then indented).
 */
public record PlayDocument(String title, String credit, List<String> authors, String source, String draftDate,
		String contact, List<TitleEntry> otherEntries, List<Character> characters, List<Act> acts,
		String titlePageIndent) {

	/** How export indents title page values when the play does not say. */
	public static final String DEFAULT_TITLE_PAGE_INDENT = "    ";

	public PlayDocument {
		authors = authors == null ? List.of() : List.copyOf(authors);
		otherEntries = otherEntries == null ? List.of() : List.copyOf(otherEntries);
		characters = characters == null ? List.of() : List.copyOf(characters);
		acts = acts == null ? List.of() : List.copyOf(acts);
		if (DEFAULT_TITLE_PAGE_INDENT.equals(titlePageIndent) || !indented(title, credit, source, draftDate, contact)
				&& authors.size() < 2 && otherEntries.stream().noneMatch(entry -> indented(entry.value()))) {
			titlePageIndent = null;
		}
	}

	/**
	 * Whether a title page value is written on the lines below its key, indented: when it
	 * has several lines, or none.
	 */
	static boolean belowKey(String value) {
		return value != null && (value.isEmpty() || value.contains("\n"));
	}

	/** Whether one of the values has indented lines: several lines. */
	static boolean indented(String... values) {
		for (String value : values) {
			if (value != null && value.contains("\n")) {
				return true;
			}
		}
		return false;
	}

	/** A play whose title page is indented the default way. */
	public PlayDocument(String title, String credit, List<String> authors, String source, String draftDate,
			String contact, List<TitleEntry> otherEntries, List<Character> characters, List<Act> acts) {
		this(title, credit, authors, source, draftDate, contact, otherEntries, characters, acts, null);
	}

	public record TitleEntry(String key, String value) {
	}

	public record Character(String name, String description) {
	}

	/**
	 * An act; {@code title} null for an untitled one (a script without {@code #} sections
	 * has one).
	 */
	public record Act(String title, List<Scene> scenes) {

		public Act {
			scenes = scenes == null ? List.of() : List.copyOf(scenes);
		}
	}

	/**
	 * A scene. The first scene of an act may have an empty heading: it holds what comes
	 * before the act's first scene heading.
	 */
	public record Scene(String heading, String sceneNumber, String synopsis, List<SceneElement> elements) {

		public Scene {
			elements = elements == null ? List.of() : List.copyOf(elements);
		}
	}

	/**
	 * One element of a scene, by {@code type}: {@code action} ({@code text},
	 * {@code kind}), {@code dialogue} ({@code character}, {@code extension},
	 * {@code dual}, {@code text} with one spoken line per line, {@code parentheticals})
	 * or {@code transition} ({@code text}).
	 */
	public record SceneElement(String type, String text, String kind, String character, String extension, Boolean dual,
			List<Parenthetical> parentheticals) {

		public static final String ACTION = "action";

		public static final String DIALOGUE = "dialogue";

		public static final String TRANSITION = "transition";

		public SceneElement {
			parentheticals = parentheticals == null ? List.of() : List.copyOf(parentheticals);
		}

		public static SceneElement action(String text, ActionKind kind) {
			return new SceneElement(ACTION, text, kind.name(), null, null, null, null);
		}

		public static SceneElement dialogue(String character, String extension, boolean dual, String text,
				List<Parenthetical> parentheticals) {
			return new SceneElement(DIALOGUE, text, null, character, extension, dual, parentheticals);
		}

		public static SceneElement transition(String text) {
			return new SceneElement(TRANSITION, text, null, null, null, null, null);
		}

		public boolean isDual() {
			return Boolean.TRUE.equals(dual);
		}
	}

	/**
	 * A parenthetical of a dialogue block, standing before its 0-based spoken line
	 * {@code beforeLine}; its {@code text} without the parentheses ({@code beat}), which
	 * the writer adds.
	 */
	public record Parenthetical(String text, int beforeLine) {
	}

	/**
	 * How an action is set: {@code CENTERED} text is one line or a block of consecutive
	 * lines ({@code > THE END <} lines with no blank line between them). The last five
	 * hold Fountain markup with no entity of its own, kept where it stood so that export
	 * gives it back; their text is the markup as written ({@code ## Sequence},
	 * {@code = synopsis}, {@code [[note]]}, {@code /* ... *}{@code /}, {@code ===}).
	 */
	public enum ActionKind {

		PLAIN, CENTERED, LYRIC, SECTION, SYNOPSIS, NOTE, BONEYARD, PAGE_BREAK

	}

	/** How many of each entity the play holds: what a saga creating it expects. */
	public record Counts(int acts, int scenes, int actions, int characters, int dialogues, int parentheticals,
			int transitions) {
	}

	public Counts counts() {
		int scenes = 0, actions = 0, dialogues = 0, parentheticals = 0, transitions = 0;
		for (Act act : acts) {
			scenes += act.scenes().size();
			for (Scene scene : act.scenes()) {
				for (SceneElement element : scene.elements()) {
					switch (element.type()) {
						case SceneElement.ACTION -> actions++;
						case SceneElement.DIALOGUE -> {
							dialogues++;
							parentheticals += element.parentheticals().size();
						}
						case SceneElement.TRANSITION -> transitions++;
						default -> {
						}
					}
				}
			}
		}
		return new Counts(acts.size(), scenes, actions, characters.size(), dialogues, parentheticals, transitions);
	}
}
