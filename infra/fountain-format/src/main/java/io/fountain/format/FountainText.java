package io.fountain.format;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.fountain.format.PlayDocument.ActionKind;
import io.fountain.format.PlayDocument.Scene;
import io.fountain.format.PlayDocument.SceneElement;

/**
 * What the text of each element may hold so that {@link FountainWriter} can say it and
 * {@link FountainReader} reads it back unchanged: the services refuse anything else (a
 * 400 naming the field) rather than store what an export would turn into another play.
 * Fountain marks elements by lines, so the rules are mostly about lines: a heading, a
 * cue, a transition is one line; Fountain strips the white space around a line; a blank
 * line ends any element but dialogue.
 *
 * <p>
 * Each rule is a regular expression the whole text must match, with the message that says
 * why, as constants a service can put in a {@code @Pattern} annotation; {@link #problem}
 * checks a value the same way. The rules that depend on more than one field (an action's
 * kind, a dialogue's parentheticals) are methods. docs/fountain.md lists them;
 * {@code RoundTripPropertyTests} checks that whatever they allow comes back from export
 * and import unchanged.
 */
public final class FountainText {

	// White space as String.strip() sees it, which is what the parser strips.
	private static final String SPACE = "\\p{javaWhitespace}";

	/**
	 * One line, no white space at either end (empty is allowed: the fields' own size
	 * limits say whether it may be).
	 */
	private static final String LINE = "(?!" + SPACE + ")[^\\r\\n]*(?<!" + SPACE + ")";

	/**
	 * A line of multi-line text: as {@link #LINE}, and not one that opens a boneyard
	 * ({@code /*}).
	 */
	private static final String TEXT_LINE = "(?!/\\*)" + LINE;

	/**
	 * A scene heading: forced with a period when it does not start with INT, EXT..., so
	 * it may not start with one.
	 */
	public static final String HEADING = "(?!\\.)" + LINE + "(?<!#[A-Za-z0-9.\\-]{1,300}#)";

	public static final String HEADING_MESSAGE = "must be one line with no white space at either end, and neither "
			+ "start with '.' nor end with '#...#' (Fountain reads a trailing #1A# as the scene number)";

	/** Fountain's scene numbers: letters, digits, periods and dashes. */
	public static final String SCENE_NUMBER = "[A-Za-z0-9.\\-]+";

	public static final String SCENE_NUMBER_MESSAGE = "may hold only letters, digits, '.' and '-', as in 1A or I-1.2";

	/** An act's title, a scene's synopsis, a dialogue's extension, a lyric. */
	public static final String ONE_LINE = LINE;

	public static final String ONE_LINE_MESSAGE = "must be one line with no white space at either end";

	/**
	 * A centered action: one line, or a block of lines (written as {@code > line <} one
	 * right below the other), none with white space at either end.
	 */
	public static final String CENTERED = LINE + "(?:\\n" + LINE + ")*";

	public static final String CENTERED_MESSAGE = "must be one line or a block of lines, none with white space at "
			+ "either end";

	/**
	 * A character's name: the cue reads what follows a {@code (} as the extension and a
	 * trailing {@code ^} as dual.
	 */
	public static final String CHARACTER = "(?!" + SPACE + ")[^\\r\\n(]*(?<![" + SPACE + "^])";

	public static final String CHARACTER_MESSAGE = "must be one line with no white space at either end, no '(' "
			+ "(Fountain reads what follows it as the extension) and no '^' at the end (dual dialogue)";

	/**
	 * A transition: forced with {@code >}, so it may not end with {@code <} (that would
	 * center it).
	 */
	public static final String TRANSITION = LINE + "(?<!<)";

	public static final String TRANSITION_MESSAGE = "must be one line with no white space at either end, not ending "
			+ "with '<' (Fountain reads >...< as centered text)";

	/**
	 * A parenthetical, without its parentheses (the writer adds them): anything on one
	 * line but text wrapped in parentheses of its own, which would be stored one way and
	 * read back another.
	 */
	public static final String PARENTHETICAL = "(?!\\([^\\r\\n]*\\)\\z)[^\\r\\n]*";

	public static final String PARENTHETICAL_MESSAGE = "must be one line, without its parentheses: 'beat', not "
			+ "'(beat)' (export adds them)";

	/**
	 * A line of dialogue: not a parenthetical, not a lyric's {@code ~} followed by white
	 * space.
	 */
	private static final String DIALOGUE_LINE = "(?!\\([^\\r\\n]*\\)(?:\\n|\\z))(?!~" + SPACE + ")" + TEXT_LINE;

	/**
	 * Dialogue, one spoken line per line: the first line not empty (Fountain ends a
	 * dialogue at a blank line right after its cue), no line a parenthetical or wrapped
	 * in white space; empty lines between are kept.
	 */
	public static final String DIALOGUE = "(?!\\n)" + DIALOGUE_LINE + "(?:\\n" + DIALOGUE_LINE + ")*";

	public static final String DIALOGUE_MESSAGE = "must not start with an empty line, and no line may have white space "
			+ "at either end, be wrapped in parentheses (that is a parenthetical), or start with '/*' or '~ '";

	/**
	 * A plain action: its first line is anything (the writer forces it with {@code !});
	 * no later line blank (a blank line ends the action) or opening a boneyard.
	 */
	public static final String ACTION = "[^\\r\\n]*(?:\\n(?!" + SPACE + "*(?:\\n|\\z))(?!" + SPACE
			+ "*/\\*)[^\\r\\n]*)*";

	public static final String ACTION_MESSAGE = "must have no blank line (Fountain starts a new action there; make "
			+ "two) and no line after the first starting with '/*'";

	/**
	 * A title page value (title, credit, author, source, draft date, contact): lines with
	 * no white space at either end, none of them empty (an empty line ends the title
	 * page).
	 */
	public static final String TITLE_PAGE_VALUE = "(?:" + TEXT_LINE + "(?<=[^\\r\\n])(?:\\n" + TEXT_LINE
			+ "(?<=[^\\r\\n]))*)?";

	public static final String TITLE_PAGE_VALUE_MESSAGE = "must have no empty line, no line with white space at "
			+ "either end and no line starting with '/*'";

	/**
	 * The key of another title page entry: what Fountain reads as a key, and not one that
	 * has a field of its own.
	 */
	public static final String TITLE_PAGE_KEY = "(?i)(?!(?:title|credit|authors?|source|draft date|date|contact)\\z)"
			+ "[A-Za-z][A-Za-z0-9 _\\-]{0,39}(?<! )";

	/**
	 * How the title page indents a value written below its key: what Fountain reads as
	 * indented, a tab or three spaces, then any more spaces and tabs (100 at most in
	 * all).
	 */
	public static final String TITLE_PAGE_INDENT = "(?:\\t| {3})[ \\t]{0,97}";

	public static final String TITLE_PAGE_INDENT_MESSAGE = "must be a tab or at least three spaces (then only spaces "
			+ "and tabs), at most 100 characters";

	public static final String TITLE_PAGE_KEY_MESSAGE = "must be a letter then up to 39 letters, digits, spaces, '_' or "
			+ "'-', not ending with a space, and not a key with a field of its own (Title, Credit, Author, ...)";

	/**
	 * A rule: the expression the whole text must match, and what the message says when it
	 * does not.
	 */
	public enum Rule {

		HEADING(FountainText.HEADING, HEADING_MESSAGE), SCENE_NUMBER(FountainText.SCENE_NUMBER, SCENE_NUMBER_MESSAGE),
		ONE_LINE(FountainText.ONE_LINE, ONE_LINE_MESSAGE), CHARACTER(FountainText.CHARACTER, CHARACTER_MESSAGE),
		TRANSITION(FountainText.TRANSITION, TRANSITION_MESSAGE),
		PARENTHETICAL(FountainText.PARENTHETICAL, PARENTHETICAL_MESSAGE),
		DIALOGUE(FountainText.DIALOGUE, DIALOGUE_MESSAGE), ACTION(FountainText.ACTION, ACTION_MESSAGE),
		TITLE_PAGE_VALUE(FountainText.TITLE_PAGE_VALUE, TITLE_PAGE_VALUE_MESSAGE),
		TITLE_PAGE_KEY(FountainText.TITLE_PAGE_KEY, TITLE_PAGE_KEY_MESSAGE),
		TITLE_PAGE_INDENT(FountainText.TITLE_PAGE_INDENT, TITLE_PAGE_INDENT_MESSAGE),
		CENTERED(FountainText.CENTERED, CENTERED_MESSAGE);

		private final Pattern pattern;

		private final String message;

		Rule(String regex, String message) {
			this.pattern = Pattern.compile(regex);
			this.message = message;
		}

		/**
		 * Whether {@code text} keeps this rule; null does (whether a field may be null is
		 * not Fountain's business).
		 */
		public boolean allows(String text) {
			return text == null || pattern.matcher(text).matches();
		}

		public String message() {
			return message;
		}

	}

	private FountainText() {
	}

	/** What is wrong with {@code text} under {@code rule}, or nothing. */
	public static Optional<String> problem(Rule rule, String text) {
		return rule.allows(text) ? Optional.empty() : Optional.of(rule.message());
	}

	/**
	 * What is wrong with an action's text for its kind, or nothing. Plain text has
	 * {@link #ACTION}'s rule; centered text is {@link #CENTERED}, one line or a block of
	 * lines; a lyric is one line; the markup kinds must be that markup, standing on its
	 * own.
	 */
	public static Optional<String> actionProblem(ActionKind kind, String text) {
		if (text == null) {
			return Optional.empty();
		}
		return switch (kind) {
			case PLAIN -> problem(Rule.ACTION, text);
			case CENTERED -> problem(Rule.CENTERED, text).or(() -> readsBackAs(kind, text));
			case LYRIC, SECTION, SYNOPSIS, PAGE_BREAK -> problem(Rule.ONE_LINE, text).or(() -> readsBackAs(kind, text));
			case NOTE, BONEYARD -> readsBackAs(kind, text);
		};
	}

	/**
	 * What is wrong with a dialogue's text given where its parentheticals stand, or
	 * nothing: as {@link #DIALOGUE}, except that the first line may be empty when a
	 * parenthetical stands before it (a parsed play can have that).
	 */
	public static Optional<String> dialogueProblem(String text, List<Integer> parentheticalsBeforeLine) {
		if (text == null || text.isEmpty()) {
			return parentheticalsBeforeLine.isEmpty()
					? Optional.of("must not be empty when the dialogue has no parenthetical (a cue needs a line)")
					: Optional.empty();
		}
		String checked = text.startsWith("\n") && parentheticalsBeforeLine.contains(0) ? "x" + text : text;
		return problem(Rule.DIALOGUE, checked);
	}

	/**
	 * A field of a play document that breaks a rule: its path (as
	 * {@code acts[0].scenes[2].heading}) and why.
	 */
	public record Problem(String field, String message) {
	}

	/**
	 * The first field of the play that export could not write so that import reads it
	 * back unchanged, or nothing. Only the rules of Fountain: how long a field may be, or
	 * whether it is required, is the caller's business. The cast is not checked beyond
	 * its names: Fountain knows a character by the cue, so export gives back the
	 * characters who speak, in the order they first do, without descriptions.
	 */
	public static Optional<Problem> check(PlayDocument play) {
		return new Checker().play(play);
	}

	/** Stops at the first problem: a field and what is wrong with it. */
	private static final class Checker {

		private Problem problem;

		Optional<Problem> play(PlayDocument play) {
			text("title", Rule.TITLE_PAGE_VALUE, play.title());
			text("credit", Rule.TITLE_PAGE_VALUE, play.credit());
			for (int i = 0; i < play.authors().size(); i++) {
				text("authors[" + i + "]", Rule.ONE_LINE, play.authors().get(i));
				text("authors[" + i + "]", Rule.TITLE_PAGE_VALUE, play.authors().get(i));
			}
			text("source", Rule.TITLE_PAGE_VALUE, play.source());
			text("draftDate", Rule.TITLE_PAGE_VALUE, play.draftDate());
			text("contact", Rule.TITLE_PAGE_VALUE, play.contact());
			for (int i = 0; i < play.otherEntries().size(); i++) {
				text("otherEntries[" + i + "].key", Rule.TITLE_PAGE_KEY, play.otherEntries().get(i).key());
				text("otherEntries[" + i + "].value", Rule.TITLE_PAGE_VALUE, play.otherEntries().get(i).value());
			}
			text("titlePageIndent", Rule.TITLE_PAGE_INDENT, play.titlePageIndent());
			for (int i = 0; i < play.characters().size(); i++) {
				text("characters[" + i + "].name", Rule.CHARACTER, play.characters().get(i).name());
			}
			for (int a = 0; a < play.acts().size(); a++) {
				PlayDocument.Act act = play.acts().get(a);
				text("acts[" + a + "].title", Rule.ONE_LINE, act.title());
				if ("".equals(act.title())) {
					fail("acts[" + a + "].title", "must not be empty (null for an untitled act)");
				}
				for (int s = 0; s < act.scenes().size(); s++) {
					scene("acts[" + a + "].scenes[" + s + "]", act.scenes().get(s), s == 0);
				}
			}
			return Optional.ofNullable(problem);
		}

		private void scene(String path, Scene scene, boolean first) {
			if (scene.heading() != null && scene.heading().isEmpty()) {
				// What comes before an act's first heading: Fountain has nowhere to put a
				// number or synopsis for it,
				// and nothing at all marks it when it is empty.
				if (!first) {
					fail(path + ".heading", "may be empty only in an act's first scene");
				}
				if (scene.sceneNumber() != null) {
					fail(path + ".sceneNumber", "must be null in a scene with no heading");
				}
				if (scene.synopsis() != null) {
					fail(path + ".synopsis", "must be null in a scene with no heading");
				}
				if (scene.elements().isEmpty()) {
					fail(path + ".elements", "must not be empty in a scene with no heading");
				}
			}
			else {
				text(path + ".heading", Rule.HEADING, scene.heading());
			}
			text(path + ".sceneNumber", Rule.SCENE_NUMBER, scene.sceneNumber());
			text(path + ".synopsis", Rule.ONE_LINE, scene.synopsis());
			for (int e = 0; e < scene.elements().size(); e++) {
				SceneElement element = scene.elements().get(e);
				String at = path + ".elements[" + e + "]";
				switch (String.valueOf(element.type())) {
					case SceneElement.ACTION -> action(at, element, scene, e == 0);
					case SceneElement.DIALOGUE -> dialogue(at, element);
					case SceneElement.TRANSITION -> text(at + ".text", Rule.TRANSITION, element.text());
					default -> {
					}
				}
			}
		}

		private void action(String path, SceneElement action, Scene scene, boolean first) {
			ActionKind kind = kind(action.kind());
			if (kind == null) {
				return; // not a kind at all: the caller's shape check says so
			}
			if (problem == null) {
				actionProblem(kind, action.text()).ifPresent(message -> fail(path + ".text", message));
			}
			boolean afterHeading = first && scene.heading() != null && !scene.heading().isEmpty();
			if (kind == ActionKind.SYNOPSIS && afterHeading && scene.synopsis() == null) {
				fail(path + ".kind", "must not be SYNOPSIS right after a heading: Fountain reads that as the scene's "
						+ "synopsis (set the scene's synopsis instead)");
			}
		}

		private void dialogue(String path, SceneElement dialogue) {
			text(path + ".character", Rule.CHARACTER, dialogue.character());
			text(path + ".extension", Rule.ONE_LINE, dialogue.extension());
			List<Integer> beforeLines = dialogue.parentheticals()
				.stream()
				.map(PlayDocument.Parenthetical::beforeLine)
				.toList();
			if (problem == null) {
				dialogueProblem(dialogue.text(), beforeLines).ifPresent(message -> fail(path + ".text", message));
			}
			int lines = dialogue.text() == null || dialogue.text().isEmpty() ? 0
					: dialogue.text().split("\n", -1).length;
			for (int p = 0; p < dialogue.parentheticals().size(); p++) {
				String at = path + ".parentheticals[" + p + "]";
				text(at + ".text", Rule.PARENTHETICAL, dialogue.parentheticals().get(p).text());
				int beforeLine = beforeLines.get(p);
				if (beforeLine > lines) {
					fail(at + ".beforeLine", "must be at most " + lines + " (the dialogue's line count)");
				}
				if (p > 0 && beforeLine < beforeLines.get(p - 1)) {
					fail(at + ".beforeLine", "must not be less than the one before: parentheticals are listed in the "
							+ "order they stand");
				}
			}
		}

		private void text(String field, Rule rule, String value) {
			if (problem == null && !rule.allows(value)) {
				problem = new Problem(field, rule.message());
			}
		}

		private void fail(String field, String message) {
			if (problem == null) {
				problem = new Problem(field, message);
			}
		}

		private static ActionKind kind(String kind) {
			if (kind == null) {
				return ActionKind.PLAIN;
			}
			for (ActionKind known : ActionKind.values()) {
				if (known.name().equals(kind)) {
					return known;
				}
			}
			return null;
		}

	}

	/**
	 * Markup standing as a paragraph of its own must read back as that one action,
	 * unchanged.
	 */
	private static Optional<String> readsBackAs(ActionKind kind, String text) {
		SceneElement action = SceneElement.action(text, kind);
		PlayDocument alone = new PlayDocument("x", null, null, null, null, null, null, null,
				List.of(new PlayDocument.Act(null, List.of(new Scene("", null, null, List.of(action))))));
		boolean same = FountainReader.read(FountainWriter.write(alone)).equals(alone);
		// A boneyard left open on a later line would swallow what follows it in a whole
		// play.
		boolean opensBoneyard = kind != ActionKind.BONEYARD
				&& text.lines().skip(1).anyMatch(line -> line.stripLeading().startsWith("/*"));
		return same && !opensBoneyard ? Optional.empty()
				: Optional.of("is not what Fountain reads back as a "
						+ kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')
						+ " action (markup kinds hold their markup as written, e.g. '## Sequence', '[[note]]', '===')");
	}

}
