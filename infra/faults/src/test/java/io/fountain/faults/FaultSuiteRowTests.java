package io.fountain.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A scenario passes only when every column that must be zero is, and every round was
 * served again after its fault: a round whose load was refused throughout (one kill9-two
 * round ended with 22 commands acknowledged, 451 not) proves nothing, and used to pass.
 */
class FaultSuiteRowTests {

	private static final Invariants.Findings NOTHING_FOUND = new Invariants.Findings(0, 0, 0, 0, List.of());

	@Test
	void aScenarioWhoseRoundsWereAllServedAgainAndFoundNothingPasses() {
		FaultSuite.Row row = new FaultSuite.Row("kill9-two");
		row.add(120, true, NOTHING_FOUND, 0, 0, 3.0, true);
		row.add(95, true, NOTHING_FOUND, 0, 0, 4.0, true);

		assertThat(row.clean()).isTrue();
	}

	@Test
	void aRoundNotServedAgainAfterItsFaultFailsTheScenarioThoughItFoundNothing() {
		FaultSuite.Row row = new FaultSuite.Row("kill9-two");
		row.add(120, true, NOTHING_FOUND, 0, 0, 3.0, true);
		row.add(22, false, NOTHING_FOUND, 0, 0, 4.0, true);

		assertThat(row.clean()).isFalse();
		assertThat(row.unserved).isEqualTo(1);
	}

	@Test
	void anyFindingFailsTheScenario() {
		FaultSuite.Row row = new FaultSuite.Row("kill9");
		row.add(120, true, new Invariants.Findings(1, 0, 0, 0, List.of("an orphan")), 0, 0, 3.0, true);

		assertThat(row.clean()).isFalse();
	}

}
