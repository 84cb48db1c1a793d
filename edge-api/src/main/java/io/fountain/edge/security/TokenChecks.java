package io.fountain.edge.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import io.fountain.callers.Caller;

/**
 * The one decoder of bearer tokens. Only one algorithm is accepted (RS256 with keys from
 * the JWKS URI, or HS256 with the local secret), so {@code alg: none} and a token of the
 * other family (an HS256 token signed with the RSA public key, the classic confusion)
 * fail before any claim is read. Then: signature, {@code exp} and {@code nbf} with the
 * configured skew, issuer, audience, and a subject that is a user id and not the
 * system's.
 */
final class TokenChecks {

	/**
	 * {@code exp} is required: a token that never expires is refused ({@code nbf}, when
	 * present, is checked above).
	 */
	private static final OAuth2TokenValidator<Jwt> EXPIRY_REQUIRED = jwt -> jwt.getExpiresAt() != null
			? OAuth2TokenValidatorResult.success() : failure("the token has no expiry (exp)");

	private static final OAuth2TokenValidator<Jwt> SUBJECT = jwt -> {
		String subject = jwt.getSubject();
		if (subject == null || !Caller.USER_ID.matcher(subject).matches() || Caller.SYSTEM.equals(subject)) {
			return failure("the token's subject is not a user id");
		}
		return OAuth2TokenValidatorResult.success();
	};

	private TokenChecks() {
	}

	static JwtDecoder decoder(AuthSettings settings) {
		NimbusJwtDecoder decoder = settings.usesJwks()
				? NimbusJwtDecoder.withJwkSetUri(settings.jwksUri()).jwsAlgorithm(SignatureAlgorithm.RS256).build()
				: NimbusJwtDecoder
					.withSecretKey(
							new SecretKeySpec(settings.hmacSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
					.macAlgorithm(MacAlgorithm.HS256)
					.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				List.of(new JwtTimestampValidator(settings.clockSkew()), EXPIRY_REQUIRED,
						new JwtIssuerValidator(settings.issuer()), audience(settings.audience()), SUBJECT)));
		return new VerifiedTokens(decoder, Clock.systemUTC());
	}

	private static OAuth2TokenValidator<Jwt> audience(String audience) {
		return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
				? OAuth2TokenValidatorResult.success() : failure("the token is not for this API (aud)");
	}

	private static OAuth2TokenValidatorResult failure(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
	}

}
