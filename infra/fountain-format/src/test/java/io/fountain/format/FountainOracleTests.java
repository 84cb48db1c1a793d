package io.fountain.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our parser against three independent parsers' output on real Fountain files
 * (src/test/resources/fountain, see its SOURCES.md). Each comparison must match exactly,
 * except for the disagreements listed here: each one is a decision, explained, and the
 * test fails if a disagreement disappears or a new one appears. docs/fountain.md explains
 * them.
 */
class FountainOracleTests {

	static final Path FIXTURES = Path.of("src/test/resources/fountain");

	/**
	 * Where we read a file differently from an oracle: {@code -} tokens are the oracle's,
	 * {@code +} ours.
	 */
	static final Map<String, List<String>> DISAGREEMENTS = Map.of(
			// A boneyard on lines of its own separates paragraphs as a blank line would,
			// so the CUT TO: above it
			// stands alone and is a transition (Screenplain reads it so too);
			// fountain-tools glues it to the boneyard.
			"wildwinter_fountain-tools_Boneyards", List.of("-ACTION:CUT TO:", "+TRANSITION:CUT TO:"),
			// Dialogue ends at a blank line (the specification: only a line of two spaces
			// keeps it going);
			// fountain-tools runs on into the next paragraphs.
			"wildwinter_fountain-tools_Notes",
			List.of("-DIALOGUE:*Did you know Brick and Steel are retired?*\n\nHis hand is an inch from the receiver "
					+ "when the phone RINGS. Scott pauses for a moment, suspicious for some reason. He looks "
					+ "around. Phone ringing.\nTesting a note without spaces\nDefinitely shouldn't. Because of "
					+ "that blank line.]] He looks around. Phone ringing.",
					"+DIALOGUE:*Did you know Brick and Steel are retired?*",
					"+ACTION:His hand is an inch from the receiver when the phone RINGS. Scott pauses for a moment, "
							+ "suspicious for some reason. He looks around. Phone ringing.",
					"+ACTION:Testing a note without spaces[[This", "+ACTION:doesn't have spaces. Shouldn't work.",
					"+ACTION:Definitely shouldn't. Because of that blank line.]] He looks around. Phone ringing."),
			// SOURCES.md's known case: a leading "CUT TO:" with no value is a transition,
			// not a title page entry.
			"wildwinter_fountain-tools_Sections", List.of("-TITLE:CUT TO=", "+TRANSITION:CUT TO:"),
			// A line starting with ~ is a lyric wherever it stands (fountain-tools
			// agrees, Lyrics.fountain); Jouvence
			// wants the whole paragraph to be lyrics.
			"test_lyrics#1", List.of("-ACTION:~This is lyrics", "+LYRIC:This is lyrics"));

	static Stream<Arguments> fountainToolsFiles() {
		return expected("wildwinter_fountain-tools_", ".txt");
	}

	static Stream<Arguments> screenplainFiles() {
		return expected("vilcans_screenplain_", ".html");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fountainToolsFiles")
	void fountainToolsElementStreams(String name, Path expected) {
		Screenplay play = FountainParser.parse(read(FIXTURES.resolve(name + ".fountain")));
		List<String> ours = new ArrayList<>(OracleStreams.titleTokens(play, false));
		ours.addAll(OracleStreams.ours(play));

		assertThat(diff(ours, OracleStreams.fountainTools(read(expected))))
			.as("differences from fountain-tools (- theirs, + ours)")
			.containsExactlyElementsOf(DISAGREEMENTS.getOrDefault(name, List.of()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("screenplainFiles")
	void screenplainClassification(String name, Path expected) {
		Screenplay play = FountainParser.parse(read(FIXTURES.resolve(name + ".fountain")));

		assertThat(diff(OracleStreams.ours(play), OracleStreams.screenplain(read(expected))))
			.as("differences from Screenplain (- theirs, + ours)")
			.containsExactlyElementsOf(DISAGREEMENTS.getOrDefault(name, List.of()));
	}

	@Test
	void jouvenceCases() throws IOException {
		List<String> differences = new ArrayList<>();
		try (Stream<Path> files = Files.list(FIXTURES.resolve("expected"))) {
			for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
				List<OracleStreams.JouvenceCase> cases = OracleStreams.jouvence(read(file));
				for (int i = 0; i < cases.size(); i++) {
					String name = file.getFileName()
						.toString()
						.replace("ludovicchabant_Jouvence_", "")
						.replace(".yaml", "") + "#" + i;
					Screenplay play = FountainParser.parse(cases.get(i).input());
					List<String> ours = new ArrayList<>(OracleStreams.titleTokens(play, true));
					ours.addAll(OracleStreams.ours(play));
					List<String> diff = diff(ours, cases.get(i).expected());
					if (!diff.equals(DISAGREEMENTS.getOrDefault(name, List.of()))) {
						differences.add(name + ": " + diff);
					}
				}
			}
		}
		assertThat(differences).as("Jouvence cases with undocumented differences").isEmpty();
	}

	private static Stream<Arguments> expected(String prefix, String suffix) {
		try {
			return Files.list(FIXTURES.resolve("expected"))
				.filter(f -> f.getFileName().toString().startsWith(prefix))
				.sorted()
				.map(f -> Arguments.of(f.getFileName().toString().replace(suffix, ""), f));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The tokens only in ours ({@code +}) and only in theirs ({@code -}), by longest
	 * common subsequence.
	 */
	static List<String> diff(List<String> ours, List<String> theirs) {
		int[][] lcs = new int[ours.size() + 1][theirs.size() + 1];
		for (int i = ours.size() - 1; i >= 0; i--) {
			for (int j = theirs.size() - 1; j >= 0; j--) {
				lcs[i][j] = ours.get(i).equals(theirs.get(j)) ? lcs[i + 1][j + 1] + 1
						: Math.max(lcs[i + 1][j], lcs[i][j + 1]);
			}
		}
		List<String> diff = new ArrayList<>();
		int i = 0, j = 0;
		while (i < ours.size() || j < theirs.size()) {
			if (i < ours.size() && j < theirs.size() && ours.get(i).equals(theirs.get(j))) {
				i++;
				j++;
			}
			else if (j < theirs.size() && (i == ours.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
				diff.add("-" + theirs.get(j++));
			}
			else {
				diff.add("+" + ours.get(i++));
			}
		}
		return diff;
	}

}
