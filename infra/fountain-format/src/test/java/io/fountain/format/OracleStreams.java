package io.fountain.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * Reads the independent oracles in src/test/resources/fountain/expected into one
 * comparable form: a list of {@code TYPE:text} tokens, normalized the same way for our
 * parser's output ({@link #ours}). The normalization (and only it) washes out what the
 * oracles do not agree on among themselves: how action paragraphs are grouped (every
 * action line is its own token), runs of spaces, and notes and boneyards (dropped: each
 * oracle renders them its own way).
 */
final class OracleStreams {

	private OracleStreams() {
	}

	static List<String> ours(List<Element> elements) {
		List<String> tokens = new ArrayList<>();
		for (Element element : elements) {
			if (element.type() == Element.Type.NOTE || element.type() == Element.Type.BONEYARD) {
				continue;
			}
			String text = element.type() == Element.Type.CHARACTER && element.extension() != null
					? element.text() + " (" + element.extension() + ")" : element.text();
			add(tokens, element.type().name(), text);
		}
		return tokens;
	}

	static List<String> ours(Screenplay play) {
		return ours(play.elements());
	}

	/**
	 * fountain-tools' element stream: {@code TYPE:"text"} entries, some with an
	 * annotation after.
	 */
	static List<String> fountainTools(String expected) {
		Pattern entry = Pattern.compile(
				"(?ms)^(?:/\\*\\d+\\*/|\\[\\[\\d+\\]\\])?([A-Z]+):(.*?)(?=^(?:/\\*\\d+\\*/|\\[\\[\\d+\\]\\])?[A-Z]+:|\\z)");
		List<String> tokens = new ArrayList<>();
		Matcher matcher = entry.matcher(expected);
		while (matcher.find()) {
			String type = matcher.group(1);
			String body = matcher.group(2).strip();
			if (type.equals("TITLEENTRY")) {
				int split = body.indexOf("\":\"");
				tokens.add("TITLE:" + body.substring(1, split) + "="
						+ lines(body.substring(split + 3, body.length() - 1)));
				continue;
			}
			String annotation = null;
			int quoteEnd = body.lastIndexOf('"');
			if (quoteEnd < body.length() - 1) {
				annotation = body.substring(quoteEnd + 1).strip();
			}
			String text = body.substring(1, quoteEnd);
			if (type.equals("HEADING") && annotation != null) {
				// the scene number: ours keeps it apart from the heading too
			}
			if (type.equals("ACTION") && "(centered)".equals(annotation)) {
				type = "CENTERED";
			}
			if (type.equals("NOTE") || type.equals("BONEYARD")) {
				continue;
			}
			add(tokens, type, text.replaceAll("\\[\\[\\d+\\]\\]|/\\*\\d+\\*/", ""));
		}
		return tokens;
	}

	/** Screenplain's HTML rendering, element by element. */
	static List<String> screenplain(String html) {
		Pattern element = Pattern.compile("(?s)<h([1-5])>(.*?)</h\\1>|<h6( class=\"page-break\")?>(.*?)</h6>"
				+ "|<span class=\"h\\d-synopsis\">(.*?)</span>|<div class=\"action\">(.*?)</div>"
				+ "|<div class=\"transition\">(.*?)</div>|<div class=\"(?:dialog|left|right)\">(.*?)</div>");
		List<String> tokens = new ArrayList<>();
		Matcher matcher = element.matcher(html);
		while (matcher.find()) {
			if (matcher.group(1) != null) {
				add(tokens, "SECTION", decode(matcher.group(2)));
			}
			else if (matcher.group(4) != null) {
				if (matcher.group(3) != null) {
					tokens.add("PAGE_BREAK:===");
				}
				add(tokens, "HEADING", decode(matcher.group(4).replaceAll("<span class=\"scnum[lr]\">.*?</span>", "")));
			}
			else if (matcher.group(5) != null) {
				add(tokens, "SYNOPSIS", decode(matcher.group(5)));
			}
			else if (matcher.group(6) != null) {
				for (String paragraph : paragraphs(matcher.group(6))) {
					add(tokens, "ACTION", decode(paragraph.replace("<br/>", "\n")));
				}
			}
			else if (matcher.group(7) != null) {
				add(tokens, "TRANSITION", decode(matcher.group(7)));
			}
			else {
				dialogue(matcher.group(8), tokens);
			}
		}
		return tokens;
	}

	private static void dialogue(String block, List<String> tokens) {
		Matcher p = Pattern.compile("(?s)<p( class=\"(character|parenthetical)\")?>(.*?)</p>").matcher(block);
		List<String> spoken = new ArrayList<>();
		while (p.find()) {
			if (p.group(2) != null) {
				flushSpoken(spoken, tokens);
				add(tokens, p.group(2).equals("character") ? "CHARACTER" : "PARENTHETICAL", decode(p.group(3)));
			}
			else {
				spoken.add(decode(p.group(3).replace("<br/>", "\n")));
			}
		}
		flushSpoken(spoken, tokens);
	}

	private static void flushSpoken(List<String> spoken, List<String> tokens) {
		if (!spoken.isEmpty()) {
			add(tokens, "DIALOGUE", String.join("\n", spoken));
			spoken.clear();
		}
	}

	private static List<String> paragraphs(String html) {
		List<String> paragraphs = new ArrayList<>();
		Matcher p = Pattern.compile("(?s)<p>(.*?)</p>").matcher(html);
		while (p.find()) {
			paragraphs.add(p.group(1));
		}
		return paragraphs;
	}

	private static String decode(String html) {
		Matcher entity = Pattern.compile("&#(\\d+);").matcher(html.replace("&nbsp;", " "));
		StringBuilder out = new StringBuilder();
		while (entity.find()) {
			entity.appendReplacement(out,
					Matcher.quoteReplacement(Character.toString(Integer.parseInt(entity.group(1)))));
		}
		entity.appendTail(out);
		return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
	}

	/** One Jouvence case: its input, and its expected tokens (title page first). */
	record JouvenceCase(String input, List<String> expected) {
	}

	@SuppressWarnings("unchecked")
	static List<JouvenceCase> jouvence(String yaml) {
		List<JouvenceCase> cases = new ArrayList<>();
		for (Object document : new Yaml().loadAll(yaml)) {
			Map<String, Object> map = (Map<String, Object>) document;
			List<String> tokens = new ArrayList<>();
			Map<String, Object> title = (Map<String, Object>) map.get("title");
			if (title != null) {
				title.forEach(
						(key, value) -> tokens.add("TITLE:" + key.toLowerCase() + "=" + lines(String.valueOf(value))));
			}
			List<String> out = map.get("out") == null ? List.of() : (List<String>) map.get("out");
			for (String item : out) {
				if (item.equals("<pagebreak>")) {
					tokens.add("PAGE_BREAK:===");
				}
				else if (item.startsWith("!><")) {
					add(tokens, "CENTERED", item.substring(3));
				}
				else {
					String type = switch (item.charAt(0)) {
						case '!' -> "ACTION";
						case '@' -> "CHARACTER";
						case '=' -> "DIALOGUE";
						case '_' -> "PARENTHETICAL";
						case '.' -> "HEADING";
						case '>' -> "TRANSITION";
						case '~' -> "LYRIC";
						case '#' -> "SECTION";
						case '+' -> "SYNOPSIS";
						default -> throw new IllegalArgumentException("Unknown Jouvence element " + item);
					};
					add(tokens, type, item.substring(1));
				}
			}
			cases.add(new JouvenceCase(String.valueOf(map.get("in")), tokens));
		}
		return cases;
	}

	static List<String> titleTokens(Screenplay play, boolean lowerCaseKeys) {
		return play.titlePage()
			.stream()
			.map(entry -> "TITLE:" + (lowerCaseKeys ? entry.key().toLowerCase() : entry.key()) + "="
					+ lines(entry.value()))
			.toList();
	}

	private static void add(List<String> tokens, String type, String text) {
		String clean = text.replaceAll("(?s)\\[\\[.*?\\]\\]", "").replaceAll("(?s)/\\*.*?\\*/", "");
		if (type.equals("PAGE_BREAK")) {
			tokens.add("PAGE_BREAK:===");
			return;
		}
		if (type.equals("ACTION")) {
			for (String line : clean.split("\n")) {
				String normal = collapse(line);
				if (!normal.isEmpty()) {
					tokens.add("ACTION:" + normal);
				}
			}
			return;
		}
		String normal = lines(clean);
		switch (type) {
			// fountain-tools drops a parenthetical's parentheses; the others keep them.
			case "PARENTHETICAL" -> normal = normal.replaceAll("^\\((.*)\\)$", "$1");
			// Screenplain renders transitions in capitals.
			case "TRANSITION" -> normal = normal.toUpperCase(Locale.ROOT);
			// Any run of three or more = is a page break.
			case "PAGE_BREAK" -> normal = "===";
			default -> {
			}
		}
		tokens.add(type + ":" + normal);
	}

	private static String lines(String text) {
		return String.join("\n", text.strip().lines().map(OracleStreams::collapse).toList());
	}

	private static String collapse(String line) {
		return line.strip().replaceAll("[ \\t\\u00a0]+", " ");
	}

}
