package io.fountain.callers;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs the JWTs Fountain mints itself (caller tokens, local users' tokens): HS256, valid
 * from now for a while.
 */
public final class Hs256 {

	private Hs256() {
	}

	/**
	 * A signed token for the subject with its roles, issued now, valid for
	 * {@code lifetime}.
	 */
	public static String token(byte[] key, String issuer, String audience, String subject, List<String> roles,
			Instant now, Duration lifetime) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.audience(audience)
			.subject(subject)
			.claim("roles", roles)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(lifetime)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		try {
			jwt.sign(new MACSigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("could not sign a token for " + subject, ex);
		}
		return jwt.serialize();
	}

}
