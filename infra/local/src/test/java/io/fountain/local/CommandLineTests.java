package io.fountain.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The mains behind infra/'s scripts read their arguments strictly: nothing misspelt is
 * ignored.
 */
class CommandLineTests {

	private static final String COMMAND = "./infra/faults/run";

	private static CommandLine parse(String... arguments) {
		return CommandLine.parse(COMMAND, List.of(arguments), Set.of("--short"), Set.of("--rounds", "--out"));
	}

	@Test
	void readsFlagsValuesAndBothFormsOfAValue() {
		CommandLine line = parse("--short", "--rounds", "3", "--out=target/x");

		assertThat(line.has("--short")).isTrue();
		assertThat(line.wholeNumber("--rounds", 20, 1, 1000)).isEqualTo(3);
		assertThat(line.path("--out")).contains("target/x");
		assertThat(line.optionsOnly().operands()).isEmpty();
	}

	@Test
	void aValueGivenTwiceIsTheLastOne() {
		assertThat(parse("--rounds", "3", "--rounds", "4").wholeNumber("--rounds", 20, 1, 1000)).isEqualTo(4);
	}

	@Test
	void anAbsentOptionIsItsDefault() {
		CommandLine line = parse();

		assertThat(line.has("--short")).isFalse();
		assertThat(line.wholeNumber("--rounds", 20, 1, 1000)).isEqualTo(20);
		assertThat(line.wholeNumbers("--rounds", 1, 30)).isEmpty();
		assertThat(line.path("--out")).isEmpty();
	}

	@Test
	void refusesAnUnknownOptionNamingItAndTheHelp() {
		assertThatThrownBy(() -> parse("--short", "--help")).isInstanceOf(CommandLine.Refused.class)
			.hasMessage("./infra/faults/run: unknown option --help; see ./infra/faults/run --help");
	}

	@Test
	void refusesAMissingValue() {
		assertThatThrownBy(() -> parse("--rounds")).hasMessageContaining("--rounds needs a value");
		assertThatThrownBy(() -> parse("--out", "--short")).hasMessageContaining("--out needs a value");
		assertThatThrownBy(() -> parse("--out=").path("--out")).hasMessageContaining("--out needs a directory");
	}

	@Test
	void refusesMalformedNumbers() {
		assertThatThrownBy(() -> parse("--rounds", "x").wholeNumber("--rounds", 20, 1, 1000))
			.hasMessageContaining("--rounds x is not a whole number from 1 to 1000");
		assertThatThrownBy(() -> parse("--rounds", "0").wholeNumber("--rounds", 20, 1, 1000))
			.hasMessageContaining("0 is not a whole number from 1 to 1000");
		assertThatThrownBy(() -> parse("--rounds", "99999999999").wholeNumber("--rounds", 20, 1, 1000))
			.hasMessageContaining("is not a whole number");
		assertThatThrownBy(() -> parse("--rounds", "1,,2").wholeNumbers("--rounds", 1, 30))
			.hasMessageContaining("--rounds 1,,2: a number is missing");
		assertThat(parse("--rounds", "1,10").wholeNumbers("--rounds", 1, 30)).isEqualTo(Optional.of(List.of(1, 10)));
	}

	@Test
	void refusesAnOperandWhereOptionsOnlyAreTaken() {
		CommandLine line = parse("now");

		assertThat(line.operands()).containsExactly("now");
		assertThatThrownBy(line::optionsOnly).hasMessageContaining("unexpected argument now");
	}

}
