package io.fountain.edge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

class VerifiedTokensTests {

	private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

	private final List<String> checked = new ArrayList<>();

	private final MovableClock clock = new MovableClock(NOW);

	/**
	 * Accepts any token but a forged one, valid for five minutes; records every token it
	 * checks.
	 */
	private final VerifiedTokens tokens = new VerifiedTokens(token -> {
		checked.add(token);
		if (token.startsWith("forged")) {
			throw new BadJwtException("bad signature");
		}
		return Jwt.withTokenValue(token)
			.header("alg", "HS256")
			.subject("alice")
			.issuedAt(NOW)
			.expiresAt(NOW.plus(Duration.ofMinutes(5)))
			.build();
	}, clock);

	@Test
	void anAcceptedTokenIsCheckedOnceAndAnsweredFromMemoryUntilItExpires() {
		Jwt first = tokens.decode("token-a");
		Jwt second = tokens.decode("token-a");

		assertThat(second).isSameAs(first);
		assertThat(checked).containsExactly("token-a");

		clock.advance(Duration.ofMinutes(5)); // its exp: checked again, by the delegate's
												// own rules
		tokens.decode("token-a");
		assertThat(checked).containsExactly("token-a", "token-a");
	}

	@Test
	void aRefusedTokenIsCheckedEveryTimeAndNeverKept() {
		assertThatThrownBy(() -> tokens.decode("forged-1")).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> tokens.decode("forged-1")).isInstanceOf(BadJwtException.class);

		assertThat(checked).containsExactly("forged-1", "forged-1");
		assertThat(tokens.size()).isZero();
	}

	@Test
	void twoTokensAreTwoEntries() {
		tokens.decode("token-a");
		tokens.decode("token-b");
		tokens.decode("token-a");

		assertThat(checked).containsExactly("token-a", "token-b");
		assertThat(tokens.size()).isEqualTo(2);
	}

}
