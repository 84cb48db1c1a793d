package io.fountain.edge.security;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every way a bearer token can be wrong, against both configurations: RS256 with keys
 * from a JWKS URI (a real HTTP server serving a real key set), and HS256 with a local
 * secret.
 */
class TokenChecksTests {

	private static HttpServer jwks;

	private static KeyPair rsa;

	private static KeyPair otherRsa;

	private static JwtDecoder rs256;

	private static final JwtDecoder HS256 = TokenChecks.decoder(new AuthSettings(null, TestTokens.SECRET,
			TestTokens.ISSUER, TestTokens.AUDIENCE, Duration.ofSeconds(30), null, List.of()));

	@BeforeAll
	static void identityProvider() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		rsa = generator.generateKeyPair();
		otherRsa = generator.generateKeyPair();
		String keys = new JWKSet(new RSAKey.Builder((RSAPublicKey) rsa.getPublic()).keyID("k1").build()).toString();
		jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		jwks.createContext("/jwks", exchange -> {
			byte[] body = keys.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		jwks.start();
		rs256 = TokenChecks.decoder(new AuthSettings("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks", null,
				TestTokens.ISSUER, TestTokens.AUDIENCE, Duration.ofSeconds(30), null, List.of()));
	}

	@AfterAll
	static void stop() {
		jwks.stop(0);
	}

	@Test
	void aValidTokenOfEitherKindGivesItsSubjectAndRoles() throws Exception {
		assertThat(rs256.decode(rsaToken(rsa, claims())).getSubject()).isEqualTo("ada");
		assertThat(HS256.decode(TestTokens.valid("bob", "operator")).getClaimAsStringList("roles"))
			.containsExactly("operator");
	}

	@Test
	void aForgedSignatureIsRefused() throws Exception {
		assertRefused(rs256, rsaToken(otherRsa, claims()));
		assertRefused(HS256, TestTokens.hs256("another-secret-of-enough-length-0123456789", c -> c));
		String[] parts = TestTokens.valid("ada").split("\\.");
		String otherPayload = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("{\"sub\":\"mallory\",\"iss\":\"" + TestTokens.ISSUER + "\",\"aud\":\"fountain\",\"exp\":"
					+ (Instant.now().getEpochSecond() + 600) + "}")
				.getBytes(StandardCharsets.UTF_8));
		assertRefused(HS256, parts[0] + "." + otherPayload + "." + parts[2]);
	}

	@Test
	void anExpiredTokenIsRefusedPastTheSkewButNotWithinIt() throws Exception {
		Instant now = Instant.now();
		assertRefused(HS256,
				TestTokens.hs256(TestTokens.SECRET,
						c -> c.issueTime(Date.from(now.minusSeconds(600)))
							.notBeforeTime(Date.from(now.minusSeconds(600)))
							.expirationTime(Date.from(now.minusSeconds(60)))));
		assertThat(HS256.decode(TestTokens.hs256(TestTokens.SECRET,
				c -> c.issueTime(Date.from(now.minusSeconds(60)))
					.notBeforeTime(Date.from(now.minusSeconds(60)))
					.expirationTime(Date.from(now.minusSeconds(10)))))
			.getSubject()).isEqualTo("ada");
		assertRefused(rs256, rsaToken(rsa, claims().expirationTime(Date.from(now.minusSeconds(120)))));
		assertRefused(HS256, TestTokens.hs256(TestTokens.SECRET, c -> c.expirationTime(null)));
	}

	@Test
	void aTokenNotYetValidIsRefused() throws Exception {
		Instant later = Instant.now().plusSeconds(300);
		assertRefused(HS256, TestTokens.hs256(TestTokens.SECRET, c -> c.notBeforeTime(Date.from(later))));
		assertRefused(rs256, rsaToken(rsa, claims().notBeforeTime(Date.from(later))));
	}

	@Test
	void aWrongIssuerOrAudienceIsRefused() throws Exception {
		assertRefused(HS256, TestTokens.hs256(TestTokens.SECRET, c -> c.issuer("https://elsewhere.example")));
		assertRefused(HS256, TestTokens.hs256(TestTokens.SECRET, c -> c.audience("another-api")));
		assertRefused(rs256, rsaToken(rsa, claims().issuer("https://elsewhere.example")));
		assertRefused(rs256, rsaToken(rsa, claims().audience("another-api")));
	}

	@Test
	void algNoneIsRefused() {
		assertRefused(HS256, TestTokens.unsigned("ada"));
		assertRefused(rs256, TestTokens.unsigned("ada"));
	}

	@Test
	void anHs256TokenIsRefusedByAnRs256Configuration() throws Exception {
		// The classic confusion: HMAC "signed" with the RSA public key, which anyone can
		// fetch from the JWKS URI.
		byte[] publicKey = rsa.getPublic().getEncoded();
		SignedJWT confused = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
		confused.sign(new MACSigner(java.util.Arrays.copyOf(publicKey, Math.max(32, publicKey.length))));
		assertRefused(rs256, confused.serialize());
		assertRefused(rs256, TestTokens.valid("ada"));
	}

	@Test
	void theSystemsNameOrNoUserIdAsSubjectIsRefused() {
		assertRefused(HS256, TestTokens.hs256(TestTokens.SECRET, c -> c.subject("system")));
		assertRefused(HS256, TestTokens.hs256(TestTokens.SECRET, c -> c.subject("ada\nX-Evil: 1")));
		assertRefused(HS256, TestTokens.hs256(TestTokens.SECRET, c -> c.subject(null)));
	}

	@Test
	void aConfigurationWithBothOrNeitherKeySourceDoesNotStart() {
		assertThatThrownBy(() -> new AuthSettings(null, null, "i", "a", Duration.ZERO, null, List.of()))
			.hasMessageContaining("exactly one");
		assertThatThrownBy(
				() -> new AuthSettings("http://x", TestTokens.SECRET, "i", "a", Duration.ZERO, null, List.of()))
			.hasMessageContaining("exactly one");
		assertThatThrownBy(
				() -> new AuthSettings(null, TestTokens.SECRET, "i", "a", Duration.ofMinutes(5), null, List.of()))
			.hasMessageContaining("clock-skew");
	}

	private static JWTClaimsSet.Builder claims() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER)
			.audience(TestTokens.AUDIENCE)
			.subject("ada")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(600)));
	}

	private static String rsaToken(KeyPair keys, JWTClaimsSet.Builder claims) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims.build());
		jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
		return jwt.serialize();
	}

	private static void assertRefused(JwtDecoder decoder, String token) {
		assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
	}

}
