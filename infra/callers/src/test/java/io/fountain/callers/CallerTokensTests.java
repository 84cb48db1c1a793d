package io.fountain.callers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerTokensTests {

	private static final String SECRET = "a-secret-the-edge-and-services-share-0123456789";

	private final Instant now = Instant.parse("2026-11-22T06:00:00Z");

	private final CallerTokens tokens = at(now);

	private CallerTokens at(Instant instant) {
		return new CallerTokens(SECRET, Clock.fixed(instant, ZoneOffset.UTC));
	}

	@Test
	void aMintedTokenCarriesTheUserAndRoles() {
		Caller caller = tokens.verify(tokens.mint(Caller.user("ada", Set.of("operator")))).orElseThrow();

		assertThat(caller.userId()).isEqualTo("ada");
		assertThat(caller.roles()).containsExactly("operator");
		assertThat(caller.isSystem()).isFalse();
		assertThat(tokens.verify(tokens.mint(Caller.system())))
			.hasValueSatisfying(c -> assertThat(c.isSystem()).isTrue());
	}

	@Test
	void anotherSecretsTokenIsRefused() {
		CallerTokens other = new CallerTokens("another-secret-of-the-same-length-0123456789",
				Clock.fixed(now, ZoneOffset.UTC));

		assertThat(tokens.verify(other.mint(Caller.user("ada", Set.of())))).isEmpty();
	}

	@Test
	void anExpiredOrFutureTokenIsRefused() {
		String token = tokens.mint(Caller.user("ada", Set.of()));

		assertThat(at(now.plus(Duration.ofSeconds(64))).verify(token)).isPresent();
		assertThat(at(now.plus(Duration.ofSeconds(66))).verify(token)).isEmpty();
		assertThat(at(now.minus(Duration.ofSeconds(6))).verify(token)).isEmpty();
	}

	@Test
	void anUnsignedTokenWithTheSameClaimsIsRefused() {
		String[] parts = tokens.mint(Caller.system()).split("\\.");
		String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());

		assertThat(tokens.verify(none + "." + parts[1] + ".")).isEmpty();
		assertThat(tokens.verify(parts[0] + "." + parts[1] + ".")).isEmpty();
		assertThat(tokens.verify("garbage")).isEmpty();
		assertThat(tokens.verify(null)).isEmpty();
	}

	@Test
	void aShortSecretIsRefusedAtStartWithWhatToDo() {
		assertThatThrownBy(() -> new CallerTokens("short")).hasMessageContaining("fountain.callers.secret");
	}

}
