package io.fountain.edge.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the edge checks bearer tokens, prefix {@code fountain.edge.auth}. Exactly one of
 * {@code jwksUri} (production: RS256 keys published by the identity provider) and
 * {@code hmacSecret} (local runs: HS256, see {@code ./infra/token}) is set.
 *
 * @param issuer the {@code iss} every token must carry
 * @param audience the {@code aud} every token must include
 * @param clockSkew slack on {@code exp} and {@code nbf} for clocks that differ a little
 * (at most a minute)
 * @param callersSecret the secret the edge signs the caller it passes to the services
 * with (ADR 11)
 * @param corsAllowedOrigins the browser origins that may call the API (none by default)
 */
@ConfigurationProperties("fountain.edge.auth")
public record AuthSettings(String jwksUri, String hmacSecret, @DefaultValue("fountain-local") String issuer,
		@DefaultValue("fountain") String audience, @DefaultValue("30s") Duration clockSkew, String callersSecret,
		@DefaultValue List<String> corsAllowedOrigins) {

	public AuthSettings {
		if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(1)) > 0) {
			throw new IllegalArgumentException("fountain.edge.auth.clock-skew must be between 0 and 1m");
		}
		boolean jwks = jwksUri != null && !jwksUri.isBlank();
		boolean hmac = hmacSecret != null && !hmacSecret.isBlank();
		if (jwks == hmac) {
			throw new IllegalArgumentException("Set exactly one of fountain.edge.auth.jwks-uri (RS256, production) and "
					+ "fountain.edge.auth.hmac-secret (HS256, local runs; ./infra/run-local sets it)");
		}
		if (hmac && hmacSecret.getBytes(StandardCharsets.UTF_8).length < 32) {
			throw new IllegalArgumentException("fountain.edge.auth.hmac-secret must be at least 32 bytes (HS256)");
		}
	}

	boolean usesJwks() {
		return jwksUri != null && !jwksUri.isBlank();
	}
}
