package io.fountain.edge.ops.lag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LagWindowTests {

	@Test
	void aGroupWithoutMembersIsStoppedWhateverItsLag() {
		LagWindow window = new LagWindow(3);
		window.add(10, 10);

		assertThat(window.status(false)).isEqualTo(LagStatus.STOPPED);
	}

	@Test
	void caughtUpIsOkAndAWindowNotYetFullIsGivenTheBenefitOfTheDoubt() {
		LagWindow window = new LagWindow(3);
		window.add(5, 9);
		window.add(5, 12);
		assertThat(window.status(true)).isEqualTo(LagStatus.OK);

		window.add(12, 12);
		assertThat(window.status(true)).isEqualTo(LagStatus.OK);
	}

	@Test
	void lagWithOffsetsThatNeverMoveIsStalled() {
		LagWindow window = new LagWindow(3);
		window.add(5, 9);
		window.add(5, 9);
		window.add(5, 10);

		assertThat(window.status(true)).isEqualTo(LagStatus.STALLED);
	}

	@Test
	void lagThatGrowsWhileTheGroupProgressesIsAWarning() {
		LagWindow window = new LagWindow(3);
		window.add(5, 9);
		window.add(7, 13);
		window.add(9, 20);

		assertThat(window.status(true)).isEqualTo(LagStatus.WARN);
	}

	@Test
	void lagThatShrinksAnywhereInTheWindowIsOk() {
		LagWindow window = new LagWindow(3);
		window.add(5, 9);
		window.add(9, 10);
		window.add(10, 16);

		assertThat(window.status(true)).isEqualTo(LagStatus.OK);
	}

	@Test
	void theWorstStatusWins() {
		assertThat(LagStatus.OK.worse(LagStatus.STALLED)).isEqualTo(LagStatus.STALLED);
		assertThat(LagStatus.STOPPED.worse(LagStatus.WARN)).isEqualTo(LagStatus.STOPPED);
	}

}
