package io.fountain.edge.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which {@code Accept} gets the play as Fountain from {@code GET /scripts/{id}}: one that
 * prefers it to JSON.
 */
class FountainAcceptTests {

	@Test
	void aClientThatPrefersFountainGetsIt() {
		assertThat(ProxyController.prefersFountain("text/x-fountain")).isTrue();
		assertThat(ProxyController.prefersFountain("text/x-fountain;charset=UTF-8")).isTrue();
		assertThat(ProxyController.prefersFountain("text/x-fountain, application/json")).isTrue();
		assertThat(ProxyController.prefersFountain("application/json;q=0.5, text/x-fountain")).isTrue();
		assertThat(ProxyController.prefersFountain("*/*, text/x-fountain")).isTrue();
	}

	@Test
	void anyOtherGetsJson() {
		assertThat(ProxyController.prefersFountain(null)).isFalse();
		assertThat(ProxyController.prefersFountain("*/*")).isFalse();
		assertThat(ProxyController.prefersFountain("application/json")).isFalse();
		// What a client generated from the API document sends.
		assertThat(ProxyController.prefersFountain("application/json, text/x-fountain")).isFalse();
		assertThat(ProxyController.prefersFountain("text/x-fountain;q=0.2, application/json")).isFalse();
		assertThat(ProxyController.prefersFountain("text/x-fountain;q=0")).isFalse();
	}

}
