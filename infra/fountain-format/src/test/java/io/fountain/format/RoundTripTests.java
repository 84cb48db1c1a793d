package io.fountain.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real Fountain file: read into a play, written back out, read again, loses
 * nothing.
 */
class RoundTripTests {

	static Stream<String> files() throws IOException {
		try (Stream<Path> files = Files.list(FountainOracleTests.FIXTURES)) {
			return files.map(f -> f.getFileName().toString())
				.filter(n -> n.endsWith(".fountain"))
				.sorted()
				.toList()
				.stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("files")
	void exportReadsBackAsTheSamePlay(String file) {
		String original = FountainOracleTests.read(FountainOracleTests.FIXTURES.resolve(file));
		PlayDocument play = FountainReader.read(original);

		String exported = FountainWriter.write(play);

		assertThat(FountainReader.read(exported)).isEqualTo(play);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("files")
	void exportHasTheSameElementSequenceAsTheOriginal(String file) {
		String original = FountainOracleTests.read(FountainOracleTests.FIXTURES.resolve(file));

		String exported = FountainWriter.write(FountainReader.read(original));

		assertThat(sequence(exported)).containsExactlyElementsOf(sequence(original));
	}

	private static List<String> sequence(String fountain) {
		return FountainParser.parse(fountain).elements().stream().map(e -> e.type() + ":" + e.text()).toList();
	}

}
