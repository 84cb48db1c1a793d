package io.fountain.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import io.fountain.format.FountainText.Rule;
import io.fountain.format.PlayDocument.ActionKind;
import io.fountain.format.PlayDocument.Parenthetical;
import io.fountain.format.PlayDocument.Scene;
import io.fountain.format.PlayDocument.SceneElement;

/**
 * The round trip over generated plays: export (the writer) then import (the reader) gives
 * the same play. Two kinds of play: the shape the REST API lets a client make (every text
 * within {@link FountainText}'s rules, which the services enforce), and plays read from
 * generated Fountain text. Text is put together from pieces that mean something to
 * Fountain (INT., #1#, (, ^, ~, >, <, /*, [[, TO:, blank lines, CR, white space of all
 * kinds), so that the rules' edges are where the generator looks.
 */
class RoundTripPropertyTests {

	/**
	 * Pieces of one line: markup of every element, and the white space Fountain strips.
	 */
	private static final List<String> PIECES = List.of("INT. ", "EXT ", "int/ext ", "I/E.", "EST ", ".", "..", "!", "@",
			"#", "##", "#1A#", "=", "===", "~", "~ ", ">", "<", "^", "(", ")", "(beat)", "[[", "]]", "/*", "*/", "*",
			"_", ":", "TO:", "CUT TO:", "Title:", "Author:", "BOB", "Bob", "ALICE", "x", "é", "Ж", "1", "-", " ", "  ",
			"\t", "\u2003", "\u00a0");

	/** What ends a line, or a paragraph. */
	private static final List<String> BREAKS = List.of("\n", "\n", "\n\n", "\r", "\r\n", "  \n", "\n  \n", "\n ");

	@Property(tries = 1000)
	void aPlayTheApiAllowsComesBackTheSame(@ForAll("apiPlays") PlayDocument play) {
		String exported = FountainWriter.write(play);

		assertThat(FountainReader.read(exported)).as(exported).isEqualTo(play);
	}

	@Property(tries = 1000)
	void aParsedPlayComesBackTheSame(@ForAll("fountainText") String fountain) {
		PlayDocument play = FountainReader.read(fountain);
		boolean keepsTheRules = FountainText.check(play).isEmpty();
		Statistics.label("keeps the rules").collect(keepsTheRules);
		Assume.that(keepsTheRules);

		String exported = FountainWriter.write(play);

		assertThat(FountainReader.read(exported)).as(exported).isEqualTo(play);
	}

	// ---- plays the API allows

	@Provide
	Arbitrary<PlayDocument> apiPlays() {
		Arbitrary<List<String>> cast = text(Rule.CHARACTER, false).filter(name -> !name.isBlank())
			.list()
			.ofMinSize(1)
			.ofMaxSize(4)
			.uniqueElements(name -> name.toUpperCase(Locale.ROOT));
		return cast
			.flatMap(names -> Combinators
				.combine(text(Rule.TITLE_PAGE_VALUE, true).filter(t -> !t.isBlank()),
						optional(Rule.TITLE_PAGE_VALUE, true),
						text(Rule.TITLE_PAGE_VALUE, false).filter(a -> !a.isBlank()).list().ofMaxSize(2),
						optional(Rule.TITLE_PAGE_VALUE, true), optional(Rule.TITLE_PAGE_VALUE, false),
						otherEntry().list().ofMaxSize(2), act(names).list().ofMaxSize(3),
						Arbitraries.oneOf(Arbitraries.just(null),
								Arbitraries.of("\t", "   ", "    ", "        ", "\t  ")))
				.as((title, credit, authors, source, contact, others, acts, indent) -> new PlayDocument(title, credit,
						authors, source, null, contact, others, List.of(), acts, indent)))
			.map(RoundTripPropertyTests::withTheCastThatSpeaks)
			.filter(play -> FountainText.check(play).isEmpty()); // a SYNOPSIS action
																	// right after a
																	// heading
	}

	private Arbitrary<PlayDocument.TitleEntry> otherEntry() {
		return Combinators
			.combine(Arbitraries.of("Notes", "Copyright", "Revision", "Draft 2", "x_y"),
					text(Rule.TITLE_PAGE_VALUE, true))
			.as(PlayDocument.TitleEntry::new);
	}

	private Arbitrary<PlayDocument.Act> act(List<String> names) {
		return Combinators
			.combine(Arbitraries.oneOf(Arbitraries.just(null), text(Rule.ONE_LINE, false).filter(t -> !t.isBlank())),
					scene(names).list().ofMaxSize(3))
			.as(PlayDocument.Act::new);
	}

	private Arbitrary<Scene> scene(List<String> names) {
		return Combinators
			.combine(text(Rule.HEADING, false).filter(h -> !h.isBlank()),
					Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of("1", "1A", "I-1.2", "A")),
					optional(Rule.ONE_LINE, false), element(names).list().ofMaxSize(5))
			.as(Scene::new);
	}

	private Arbitrary<SceneElement> element(List<String> names) {
		return Arbitraries.frequencyOf(Tuple.of(4, action()), Tuple.of(4, dialogue(names)),
				Tuple.of(1, text(Rule.TRANSITION, false).filter(t -> !t.isBlank()).map(SceneElement::transition)));
	}

	private Arbitrary<SceneElement> action() {
		Arbitrary<SceneElement> plain = text(Rule.ACTION, true).filter(t -> !t.isEmpty())
			.map(t -> SceneElement.action(t, ActionKind.PLAIN));
		Arbitrary<String> line = text(Rule.ONE_LINE, false);
		Arbitrary<SceneElement> other = Arbitraries
			.oneOf(text(Rule.CENTERED, true).map(t -> SceneElement.action(t, ActionKind.CENTERED)),
					line.map(t -> SceneElement.action(t, ActionKind.LYRIC)),
					Combinators.combine(Arbitraries.integers().between(2, 4), line)
						.as((level, t) -> SceneElement.action("#".repeat(level) + " " + t, ActionKind.SECTION)),
					line.map(t -> SceneElement.action("= " + t, ActionKind.SYNOPSIS)),
					text(Rule.ACTION, true).map(t -> SceneElement.action("[[" + t + "]]", ActionKind.NOTE)),
					text(Rule.ACTION, true).map(t -> SceneElement.action("/* " + t + " */", ActionKind.BONEYARD)),
					Arbitraries.integers()
						.between(3, 6)
						.map(n -> SceneElement.action("=".repeat(n), ActionKind.PAGE_BREAK)))
			.filter(a -> FountainText.actionProblem(ActionKind.valueOf(a.kind()), a.text()).isEmpty());
		return Arbitraries.frequencyOf(Tuple.of(3, plain), Tuple.of(2, other));
	}

	private Arbitrary<SceneElement> dialogue(List<String> names) {
		Arbitrary<String> spoken = text(Rule.DIALOGUE, true).filter(t -> !t.isEmpty());
		return Combinators
			.combine(Arbitraries.of(names), optional(Rule.ONE_LINE, false), Arbitraries.of(true, false), spoken)
			.flatAs((name, extension, dual, text) -> {
				int lines = text.split("\n", -1).length;
				Arbitrary<Parenthetical> parenthetical = Combinators
					.combine(text(Rule.PARENTHETICAL, false).filter(t -> !t.isBlank()),
							Arbitraries.integers().between(0, lines))
					.as(Parenthetical::new);
				return parenthetical.list()
					.ofMaxSize(3)
					.map(ps -> ps.stream().sorted(Comparator.comparingInt(Parenthetical::beforeLine)).toList())
					.map(ps -> SceneElement.dialogue(name, extension, dual, text, ps));
			});
	}

	/**
	 * Fountain knows a character by the cue: the cast that comes back is who speaks, in
	 * the order they first do.
	 */
	private static PlayDocument withTheCastThatSpeaks(PlayDocument play) {
		Map<String, PlayDocument.Character> cast = new LinkedHashMap<>();
		play.acts()
			.stream()
			.flatMap(act -> act.scenes().stream())
			.flatMap(scene -> scene.elements().stream())
			.filter(e -> e.type().equals(SceneElement.DIALOGUE))
			.forEach(e -> cast.putIfAbsent(e.character().toUpperCase(Locale.ROOT),
					new PlayDocument.Character(e.character(), null)));
		return new PlayDocument(play.title(), play.credit(), play.authors(), play.source(), play.draftDate(),
				play.contact(), play.otherEntries(), List.copyOf(cast.values()), play.acts(), play.titlePageIndent());
	}

	// ---- Fountain text

	@Provide
	Arbitrary<String> fountainText() {
		Arbitrary<String> paragraph = Arbitraries.frequencyOf(Tuple.of(3, pieces(true)),
				Tuple.of(2,
						Combinators
							.combine(
									Arbitraries.of("BOB", "@Bob", "ALICE (V.O.)", "BOB ^", "INT. HOUSE", ".forced",
											"CUT TO:", "> forced", "# Act", "## Sequence", "= synopsis", "[[note]]",
											"/* bone */", "===", "~lyric", ">centered<", "> a <\n>block<", "!action"),
									pieces(true))
							.as((head, rest) -> head + "\n" + rest)));
		return Combinators
			.combine(
					Arbitraries.of("Title: Play\n\n", "Title: Play\nAuthor: A\n\n", "",
							"Title:\n    Two\n    Lines\n\n", "Title:\n\tTwo\n\tLines\nNotes:\n   A\n   B\n\n"),
					paragraph.list().ofMaxSize(8), Arbitraries.of("\n\n", "\n\n\n", "\n  \n"))
			.as((page, paragraphs, gap) -> page + String.join(gap, paragraphs));
	}

	// ---- text

	/**
	 * Text that keeps {@code rule}; {@code lines}: whether line breaks are among the
	 * pieces.
	 */
	private static Arbitrary<String> text(Rule rule, boolean lines) {
		return pieces(lines).filter(rule::allows);
	}

	private static Arbitrary<String> optional(Rule rule, boolean lines) {
		return Arbitraries.oneOf(Arbitraries.just(null), text(rule, lines));
	}

	private static Arbitrary<String> pieces(boolean lines) {
		Arbitrary<String> piece = lines
				? Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.of(PIECES)), Tuple.of(1, Arbitraries.of(BREAKS)))
				: Arbitraries.of(PIECES);
		return piece.list().ofMaxSize(8).map(list -> String.join("", list));
	}

}
