package io.fountain.edge.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Bearer tokens as the local identity provider issues them, and each way one can be
 * wrong.
 */
public final class TestTokens {

	public static final String SECRET = "edge-tests-hs256-secret-0123456789-abcdef";

	public static final String ISSUER = "fountain-test";

	public static final String AUDIENCE = "fountain";

	private TestTokens() {
	}

	public static String valid(String user, String... roles) {
		return hs256(SECRET, claims -> claims.subject(user).claim("roles", List.of(roles)));
	}

	/**
	 * A token signed with {@code secret}, its claims those of a valid one changed by
	 * {@code change}.
	 */
	public static String hs256(String secret, UnaryOperator<JWTClaimsSet.Builder> change) {
		Instant now = Instant.now();
		JWTClaimsSet claims = change
			.apply(new JWTClaimsSet.Builder().issuer(ISSUER)
				.audience(AUDIENCE)
				.subject("ada")
				.issueTime(Date.from(now))
				.notBeforeTime(Date.from(now))
				.expirationTime(Date.from(now.plus(Duration.ofMinutes(10)))))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		try {
			jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	/** The same claims with {@code alg: none} and no signature. */
	public static String unsigned(String user) {
		String[] parts = valid(user).split("\\.");
		String header = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		return header + "." + parts[1] + ".";
	}

}
