package io.fountain.callers;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The token that carries a {@link Caller} from the edge to a service (header
 * {@value #HEADER}): a JWT signed with HS256 under a secret that only the edge and the
 * services hold, issued for {@value #AUDIENCE}, valid for a minute. A service accepts a
 * caller only from such a token, so a request that did not come through the edge (or from
 * another service) has no caller and is refused. ADR 11 says why this and not the user's
 * own token.
 */
public final class CallerTokens {

	public static final String HEADER = "Fountain-Caller";

	/**
	 * The secret when none is configured, for tests and local runs: known to everyone who
	 * reads this code, so it protects nothing. {@code ./infra/run-local} makes its own; a
	 * deployment must set one (the services warn).
	 */
	public static final String LOCAL_ONLY_SECRET = "fountain-local-only-secret-do-not-deploy-0000";

	static final String ISSUER = "fountain-edge";

	static final String AUDIENCE = "fountain-services";

	private static final Duration LIFETIME = Duration.ofSeconds(60);

	/**
	 * Clocks of processes on one network differ by little; this is all the slack a token
	 * gets.
	 */
	private static final Duration SKEW = Duration.ofSeconds(5);

	private final byte[] key;

	private final MACVerifier verifier;

	private final Clock clock;

	public CallerTokens(String secret) {
		this(secret, Clock.systemUTC());
	}

	/**
	 * With the clock tokens are dated and checked by (a test's own clock, or one shared
	 * with a cache of tokens).
	 */
	public CallerTokens(String secret, Clock clock) {
		this.key = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
		if (key.length < 32) {
			throw new IllegalStateException("fountain.callers.secret must be set to at least 32 bytes (HS256); the "
					+ "edge and every service need the same one (./infra/run-local makes one per data folder)");
		}
		try {
			this.verifier = new MACVerifier(key);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("fountain.callers.secret is not a usable HS256 key", ex);
		}
		this.clock = clock;
	}

	/**
	 * A token for the caller, to send as {@value #HEADER}: valid for a minute (the edge
	 * reuses it for that caller's requests for most of that minute).
	 */
	public String mint(Caller caller) {
		return mint(caller, LIFETIME);
	}

	/** A token valid for longer, for a test or a tool that sends many requests. */
	public String mint(Caller caller, Duration lifetime) {
		return Hs256.token(key, ISSUER, AUDIENCE, caller.userId(), List.copyOf(caller.roles()), clock.instant(),
				lifetime);
	}

	/**
	 * The caller a token vouches for; empty when it is not one of ours, is forged,
	 * expired or not yet valid.
	 */
	public Optional<Caller> verify(String token) {
		if (token == null || token.length() > 4096) {
			return Optional.empty();
		}
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			// Only the one algorithm: "none" or another family is refused before any key
			// is used.
			if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
				return Optional.empty();
			}
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			Instant now = clock.instant();
			if (!ISSUER.equals(claims.getIssuer()) || claims.getAudience() == null
					|| !claims.getAudience().contains(AUDIENCE) || claims.getExpirationTime() == null
					|| claims.getExpirationTime().toInstant().plus(SKEW).isBefore(now)
					|| (claims.getNotBeforeTime() != null
							&& claims.getNotBeforeTime().toInstant().minus(SKEW).isAfter(now))) {
				return Optional.empty();
			}
			List<String> roles = claims.getStringListClaim("roles");
			return Optional.of(Caller.user(claims.getSubject(), roles == null ? Set.of() : new HashSet<>(roles)));
		}
		catch (ParseException | JOSEException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
