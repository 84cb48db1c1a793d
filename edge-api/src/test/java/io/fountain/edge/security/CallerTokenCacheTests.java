package io.fountain.edge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import io.fountain.callers.Caller;
import io.fountain.callers.CallerTokens;

class CallerTokenCacheTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T09:00:00Z"));

	private final CallerTokens tokens = new CallerTokens(CallerTokens.LOCAL_ONLY_SECRET, clock);

	private final CallerTokenCache cache = new CallerTokenCache(tokens, clock, 100);

	private final Caller ada = Caller.user("ada", Set.of());

	@Test
	void aCallersTokenIsReusedWhileItHasMoreThanTwentySecondsLeft() {
		String first = cache.tokenFor(ada);
		clock.advance(Duration.ofSeconds(39));

		assertThat(cache.tokenFor(ada)).isEqualTo(first);
		assertThat(tokens.verify(first)).as("still a valid token").contains(ada);
	}

	@Test
	void aNewTokenIsSignedOnceTheOldOneHasTwentySecondsLeft() {
		String first = cache.tokenFor(ada);
		clock.advance(Duration.ofSeconds(40));

		String second = cache.tokenFor(ada);

		assertThat(second).isNotEqualTo(first);
		assertThat(expiry(second)).isEqualTo(clock.instant().plusSeconds(60));
		clock.advance(Duration.ofSeconds(39));
		assertThat(cache.tokenFor(ada)).isEqualTo(second);
	}

	@Test
	void everyTokenHandedOutHasAtLeastTwentySecondsLeft() {
		for (int second = 0; second < 130; second++) {
			String token = cache.tokenFor(ada);
			assertThat(Duration.between(clock.instant(), expiry(token))).as("at %s s", second)
				.isGreaterThanOrEqualTo(Duration.ofSeconds(20));
			clock.advance(Duration.ofSeconds(1));
		}
	}

	@Test
	void eachCallerHasATokenOfTheirOwn() {
		String adasToken = cache.tokenFor(ada);
		String bobsToken = cache.tokenFor(Caller.user("bob", Set.of()));
		String operatorAdasToken = cache.tokenFor(Caller.user("ada", Set.of("operator")));
		String systemToken = cache.tokenFor(Caller.system());

		assertThat(Set.of(adasToken, bobsToken, operatorAdasToken, systemToken)).hasSize(4);
		assertThat(tokens.verify(bobsToken).orElseThrow().userId()).isEqualTo("bob");
		assertThat(tokens.verify(operatorAdasToken).orElseThrow().roles()).containsExactly("operator");
		assertThat(tokens.verify(adasToken).orElseThrow().roles()).isEmpty();
		assertThat(cache.tokenFor(Caller.user("ada", Set.of()))).as("an equal caller").isEqualTo(adasToken);
	}

	@Test
	void theCacheHoldsNoMoreCallersThanItsBound() {
		CallerTokenCache small = new CallerTokenCache(tokens, clock, 10);
		for (int i = 0; i < 1000; i++) {
			small.tokenFor(Caller.user("user-" + i, Set.of()));
			assertThat(small.size()).isLessThanOrEqualTo(10);
		}
	}

	private static Instant expiry(String token) {
		try {
			return SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().toInstant();
		}
		catch (ParseException ex) {
			throw new AssertionError(ex);
		}
	}

}
