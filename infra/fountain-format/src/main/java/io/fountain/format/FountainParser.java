package io.fountain.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fountain.format.Element.Type;
import io.fountain.format.Screenplay.TitleEntry;

/**
 * Parses Fountain 1.1 (https://fountain.io/syntax/) into a {@link Screenplay}. One pass
 * over the lines: they are cut into paragraphs at blank lines (a boneyard
 * {@code /* *}{@code /} standing on its own lines is a paragraph of its own, blank lines
 * and all), and each paragraph is classified by its first line, the way the specification
 * reads. Where the reference parsers disagree, the choices are in docs/fountain.md.
 */
public final class FountainParser {

	private static final Pattern HEADING = Pattern.compile("(?i)^(int|ext|est|int\\.?/ext|i/e)[.\\s].*");

	private static final Pattern SCENE_NUMBER = Pattern.compile("\\s*#([A-Za-z0-9.\\-]+)#\\s*$");

	private static final Pattern TITLE_ENTRY = Pattern.compile("^([A-Za-z][A-Za-z0-9 _\\-]{0,39}):(.*)$");

	private static final Pattern PAGE_BREAK = Pattern.compile("={3,}");

	private static final Set<String> TITLE_KEYS = Set.of("title", "credit", "author", "authors", "source", "draft date",
			"date", "contact", "notes", "copyright", "revision");

	private FountainParser() {
	}

	public static Screenplay parse(String source) {
		List<String> lines = List.of(normalize(source).split("\n", -1));
		List<Block> blocks = blocks(lines);
		List<TitleEntry> titlePage = List.of();
		int first = 0;
		while (first < blocks.size() && (blocks.get(first).boneyard() || isNote(blocks.get(first).lines()))) {
			first++;
		}
		if (first < blocks.size() && startsTitlePage(blocks.get(first).lines())) {
			Block block = blocks.get(first);
			int length = titlePageLength(block.lines());
			titlePage = titlePage(block.lines().subList(0, length));
			if (length == block.lines().size()) {
				blocks.remove(first);
			}
			else {
				blocks.set(first,
						new Block(block.lines().subList(length, block.lines().size()), block.line() + length, false));
			}
		}
		List<Element> elements = new ArrayList<>();
		for (Block block : blocks) {
			if (block.boneyard()) {
				elements.add(Element.of(Type.BONEYARD, String.join("\n", block.lines()).strip(), block.line()));
			}
			else {
				classify(block.lines(), block.line(), elements);
			}
		}
		return new Screenplay(titlePage, elements);
	}

	static String normalize(String source) {
		String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
		return text.replace("\r\n", "\n").replace('\r', '\n');
	}

	// ---- paragraphs

	private record Block(List<String> lines, int line, boolean boneyard) {
	}

	private static List<Block> blocks(List<String> lines) {
		List<Block> blocks = new ArrayList<>();
		List<String> paragraph = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			String trimmed = line.strip();
			if (trimmed.startsWith("/*")) {
				int end = boneyardEnd(lines, i);
				if (end >= 0) {
					flush(blocks, paragraph, start);
					blocks.add(new Block(List.copyOf(lines.subList(i, end + 1)), i + 1, true));
					paragraph = new ArrayList<>();
					i = end;
					continue;
				}
			}
			if (trimmed.isEmpty() && !keepsBlankLine(paragraph, line)) {
				flush(blocks, paragraph, start);
				paragraph = new ArrayList<>();
				continue;
			}
			if (paragraph.isEmpty()) {
				start = i;
			}
			paragraph.add(line);
		}
		flush(blocks, paragraph, start);
		return blocks;
	}

	private static void flush(List<Block> blocks, List<String> paragraph, int start) {
		if (!paragraph.isEmpty()) {
			blocks.add(new Block(List.copyOf(paragraph), start + 1, false));
		}
	}

	/**
	 * Two spaces on an otherwise empty line keep dialogue (and a note) going:
	 * "intentional" blank lines.
	 */
	private static boolean keepsBlankLine(List<String> paragraph, String line) {
		if (line.length() < 2 || paragraph.isEmpty()) {
			return false;
		}
		boolean dialogue = paragraph.size() >= 2 && isCue(paragraph.get(0));
		return dialogue || openNote(paragraph);
	}

	private static boolean openNote(List<String> paragraph) {
		String text = String.join("\n", paragraph);
		return text.lastIndexOf("[[") > text.lastIndexOf("]]");
	}

	/**
	 * The line where a boneyard opening at the start of line {@code from} closes, with
	 * nothing after it on that line; -1 when it does not close so (it is then text, or an
	 * inline boneyard kept in its paragraph). Nested boneyards count:
	 * {@code /* /* *}{@code / *}{@code /} is one.
	 */
	private static int boneyardEnd(List<String> lines, int from) {
		int depth = 0;
		for (int i = from; i < lines.size(); i++) {
			String line = lines.get(i);
			for (int c = 0; c + 1 < line.length(); c++) {
				if (line.charAt(c) == '/' && line.charAt(c + 1) == '*') {
					depth++;
					c++;
				}
				else if (line.charAt(c) == '*' && line.charAt(c + 1) == '/') {
					depth--;
					c++;
					if (depth == 0) {
						return line.substring(c + 1).isBlank() ? i : -1;
					}
				}
			}
		}
		return -1;
	}

	// ---- title page

	/**
	 * A title page starts the document with a {@code Key: value} line (a known key may
	 * have its value below).
	 */
	private static boolean startsTitlePage(List<String> lines) {
		Matcher first = TITLE_ENTRY.matcher(lines.get(0));
		if (!first.matches()) {
			return false;
		}
		boolean known = TITLE_KEYS.contains(first.group(1).strip().toLowerCase(Locale.ROOT));
		boolean valued = !first.group(2).isBlank() || (lines.size() > 1 && isContinuation(lines.get(1)));
		return known || valued; // "CUT TO:" on its own is a transition, not a title page
	}

	/** The title page runs while lines are entries or their indented continuations. */
	private static int titlePageLength(List<String> lines) {
		int length = 0;
		while (length < lines.size()
				&& (isContinuation(lines.get(length)) || TITLE_ENTRY.matcher(lines.get(length)).matches())) {
			length++;
		}
		return length;
	}

	private static boolean isContinuation(String line) {
		return line.startsWith("\t") || line.startsWith("   ");
	}

	private static List<TitleEntry> titlePage(List<String> lines) {
		List<TitleEntry> entries = new ArrayList<>();
		String key = null;
		String indent = null;
		List<String> value = new ArrayList<>();
		for (String line : lines) {
			Matcher entry = TITLE_ENTRY.matcher(line);
			if (!isContinuation(line) && entry.matches()) {
				if (key != null) {
					entries.add(new TitleEntry(key, String.join("\n", value), indent));
				}
				key = entry.group(1).strip();
				indent = null;
				value = new ArrayList<>();
				if (!entry.group(2).isBlank()) {
					value.add(entry.group(2).strip());
				}
			}
			else {
				if (indent == null) {
					indent = indent(line);
				}
				value.add(line.strip());
			}
		}
		entries.add(new TitleEntry(key, String.join("\n", value), indent));
		return entries;
	}

	/** The spaces and tabs a line starts with. */
	private static String indent(String line) {
		int end = 0;
		while (end < line.length() && (line.charAt(end) == ' ' || line.charAt(end) == '\t')) {
			end++;
		}
		return line.substring(0, end);
	}

	// ---- classification

	private static void classify(List<String> lines, int line, List<Element> out) {
		if (lines.isEmpty()) {
			return;
		}
		String first = lines.get(0);
		String trimmed = first.strip();
		List<String> rest = lines.subList(1, lines.size());
		if (PAGE_BREAK.matcher(trimmed).matches()) {
			out.add(Element.of(Type.PAGE_BREAK, trimmed, line));
			classify(rest, line + 1, out);
		}
		else if (trimmed.startsWith("#")) {
			int level = 0;
			while (level < trimmed.length() && trimmed.charAt(level) == '#') {
				level++;
			}
			out.add(new Element(Type.SECTION, trimmed.substring(level).strip(), level, null, null, false, line));
			classify(rest, line + 1, out);
		}
		else if (trimmed.startsWith("=")) {
			out.add(Element.of(Type.SYNOPSIS, trimmed.substring(1).strip(), line));
			classify(rest, line + 1, out);
		}
		else if (isNote(lines)) {
			out.add(Element.of(Type.NOTE, String.join("\n", lines).strip(), line));
		}
		else if (trimmed.startsWith("!")) {
			List<String> action = new ArrayList<>(lines);
			action.set(0, first.substring(first.indexOf('!') + 1));
			out.add(Element.of(Type.ACTION, String.join("\n", action), line));
		}
		else if (isHeading(trimmed)) {
			out.add(heading(trimmed, line));
			classify(rest, line + 1, out);
		}
		else if (lines.size() == 1 && isTransition(first)) {
			out.add(Element.of(Type.TRANSITION, transitionText(trimmed), line));
		}
		else if (lines.size() > 1 && isCue(first)) {
			dialogue(lines, line, out);
		}
		else {
			action(lines, line, out);
		}
	}

	private static boolean isNote(List<String> lines) {
		String text = String.join("\n", lines).strip();
		return text.startsWith("[[") && text.endsWith("]]") && text.indexOf("]]") == text.length() - 2;
	}

	/**
	 * A scene heading as the specification recognises one, or forced with a leading
	 * period (not an ellipsis).
	 */
	public static boolean isHeading(String trimmed) {
		return HEADING.matcher(trimmed).matches()
				|| (trimmed.length() > 1 && trimmed.charAt(0) == '.' && trimmed.charAt(1) != '.');
	}

	/** A heading with no forcing period: INT, EXT and the like. */
	public static boolean isNaturalHeading(String text) {
		return HEADING.matcher(text).matches();
	}

	private static Element heading(String trimmed, int line) {
		String text = HEADING.matcher(trimmed).matches() ? trimmed : trimmed.substring(1).strip();
		String number = null;
		Matcher numbered = SCENE_NUMBER.matcher(text);
		if (numbered.find()) {
			number = numbered.group(1);
			text = text.substring(0, numbered.start()).strip();
		}
		return new Element(Type.HEADING, text, 0, number, null, false, line);
	}

	private static boolean isTransition(String line) {
		String lead = line.stripLeading();
		if (lead.startsWith(">")) {
			return !lead.strip().endsWith("<");
		}
		return isNaturalTransition(lead);
	}

	/**
	 * Upper case and ending in {@code TO:} (with nothing after the colon, not even
	 * spaces).
	 */
	public static boolean isNaturalTransition(String text) {
		return text.endsWith("TO:") && isUpperCase(text);
	}

	private static String transitionText(String trimmed) {
		return trimmed.startsWith(">") ? trimmed.substring(1).strip() : trimmed;
	}

	/**
	 * A character cue: upper case (extensions in parentheses may not be), or forced with
	 * {@code @}.
	 */
	static boolean isCue(String line) {
		String trimmed = line.strip();
		if (trimmed.startsWith("@")) {
			return trimmed.length() > 1;
		}
		if (trimmed.isEmpty() || "!#=~>.[/(".indexOf(trimmed.charAt(0)) >= 0 || isHeading(trimmed)) {
			return false;
		}
		String name = cueName(trimmed);
		return !name.isEmpty() && !name.endsWith("TO:") && isNaturalCharacter(name);
	}

	/**
	 * A name that reads as a character cue without {@code @}: it has a letter and no
	 * lower-case letter.
	 */
	public static boolean isNaturalCharacter(String name) {
		return isUpperCase(name);
	}

	private static String cueName(String trimmed) {
		String cue = trimmed.endsWith("^") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
		int paren = cue.indexOf('(');
		return (paren >= 0 ? cue.substring(0, paren) : cue).strip();
	}

	private static boolean isUpperCase(String text) {
		return text.codePoints().anyMatch(Character::isLetter) && text.equals(text.toUpperCase(Locale.ROOT));
	}

	private static void dialogue(List<String> lines, int line, List<Element> out) {
		String cue = lines.get(0).strip();
		boolean dual = cue.endsWith("^");
		if (dual) {
			cue = cue.substring(0, cue.length() - 1).strip();
		}
		if (cue.startsWith("@")) {
			cue = cue.substring(1).strip();
		}
		String extension = null;
		int paren = cue.indexOf('(');
		if (paren >= 0 && cue.endsWith(")")) {
			extension = cue.substring(paren + 1, cue.length() - 1).strip();
			cue = cue.substring(0, paren).strip();
		}
		out.add(new Element(Type.CHARACTER, cue, 0, null, extension, dual, line));
		List<String> spoken = new ArrayList<>();
		int spokenLine = line + 1;
		for (int i = 1; i < lines.size(); i++) {
			String trimmed = lines.get(i).strip();
			boolean parenthetical = trimmed.startsWith("(") && trimmed.endsWith(")");
			boolean lyric = trimmed.startsWith("~");
			if (parenthetical || lyric) {
				flushDialogue(spoken, spokenLine, out);
				out.add(Element.of(parenthetical ? Type.PARENTHETICAL : Type.LYRIC,
						parenthetical ? trimmed : trimmed.substring(1).strip(), line + i));
			}
			else {
				if (spoken.isEmpty()) {
					spokenLine = line + i;
				}
				spoken.add(trimmed);
			}
		}
		flushDialogue(spoken, spokenLine, out);
	}

	private static void flushDialogue(List<String> spoken, int line, List<Element> out) {
		if (!spoken.isEmpty()) {
			out.add(Element.of(Type.DIALOGUE, String.join("\n", spoken), line));
			spoken.clear();
		}
	}

	/**
	 * Action, with lyric ({@code ~}) and centered ({@code > <}) lines taken out as their
	 * own elements.
	 */
	private static void action(List<String> lines, int line, List<Element> out) {
		List<String> action = new ArrayList<>();
		int actionLine = line;
		for (int i = 0; i < lines.size(); i++) {
			String trimmed = lines.get(i).strip();
			boolean lyric = trimmed.startsWith("~");
			boolean centered = trimmed.length() > 1 && trimmed.startsWith(">") && trimmed.endsWith("<");
			if (lyric || centered) {
				flushAction(action, actionLine, out);
				out.add(Element.of(lyric ? Type.LYRIC : Type.CENTERED,
						lyric ? trimmed.substring(1).strip() : trimmed.substring(1, trimmed.length() - 1).strip(),
						line + i));
			}
			else {
				if (action.isEmpty()) {
					actionLine = line + i;
				}
				action.add(lines.get(i));
			}
		}
		flushAction(action, actionLine, out);
	}

	private static void flushAction(List<String> action, int line, List<Element> out) {
		if (!action.isEmpty()) {
			out.add(Element.of(Type.ACTION, String.join("\n", action), line));
			action.clear();
		}
	}

}
