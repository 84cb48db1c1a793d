package io.fountain.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.fountain.format.FountainText;

class ReferencePlayTests {

	@Test
	void theFeatureHasTheShapeOfBigFish() {
		ReferencePlay play = ReferencePlay.feature(1);

		assertThat(play.acts()).hasSize(3);
		assertThat(play.scenes()).isEqualTo(190);
		assertThat(play.count("action")).isEqualTo(865);
		assertThat(play.count("dialogue")).isEqualTo(768);
		assertThat(play.parentheticals()).isEqualTo(97);
		assertThat(play.count("transition")).isEqualTo(34);
		assertThat(play.characters()).hasSize(51);
	}

	@Test
	void timesTenIsThirtyActsAndTenTimesTheRest() {
		ReferencePlay play = ReferencePlay.feature(10);

		assertThat(play.acts()).hasSize(30);
		assertThat(play.scenes()).isEqualTo(1900);
		assertThat(play.count("dialogue")).isEqualTo(7680);
	}

	/**
	 * The services refuse a JSON play that export could not write back (issue 16): every
	 * size must pass.
	 */
	@Test
	void everySizeKeepsFountainsRulesSoThatPostPlaysTakesIt() {
		assertThat(FountainText.check(ReferencePlay.miniature().document())).isEmpty();
		assertThat(FountainText.check(ReferencePlay.feature(1).document())).isEmpty();
		assertThat(FountainText.check(ReferencePlay.feature(10).document())).isEmpty();
	}

	@Test
	void theSameSeedMakesTheSamePlay() {
		assertThat(ReferencePlay.feature(1)).isEqualTo(ReferencePlay.feature(1));
	}

}
