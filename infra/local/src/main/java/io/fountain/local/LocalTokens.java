package io.fountain.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import io.fountain.callers.Hs256;

/**
 * The local stack's secrets and its bearer tokens. Two secrets live in the data folder
 * ({@code secrets/}, readable by this user only), made on first use and kept, so tokens
 * minted by {@code ./infra/token} work across restarts: the one the edge checks client
 * tokens with (HS256, as an identity provider would sign them), and the one the edge
 * signs the caller it passes to the services with.
 */
public final class LocalTokens {

	public static final String ISSUER = "fountain-local";

	public static final String AUDIENCE = "fountain";

	private final String signingSecret;

	private final String callersSecret;

	private LocalTokens(String signingSecret, String callersSecret) {
		this.signingSecret = signingSecret;
		this.callersSecret = callersSecret;
	}

	/** The secrets of the stack whose data folder this is, made when missing. */
	public static LocalTokens in(Path dataDir) {
		Path dir = dataDir.resolve("secrets");
		return new LocalTokens(secret(dir.resolve("token-signing-secret")), secret(dir.resolve("callers-secret")));
	}

	public String signingSecret() {
		return signingSecret;
	}

	public String callersSecret() {
		return callersSecret;
	}

	/** A bearer token for the user, as the local identity provider would issue it. */
	public String mint(String user, List<String> roles, Duration lifetime) {
		return Hs256.token(signingSecret.getBytes(StandardCharsets.UTF_8), ISSUER, AUDIENCE, user, roles, Instant.now(),
				lifetime);
	}

	private static String secret(Path file) {
		try {
			if (Files.exists(file)) {
				return Files.readString(file).strip();
			}
			Files.createDirectories(file.getParent());
			byte[] random = new byte[48];
			new SecureRandom().nextBytes(random);
			String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			Files.writeString(file, secret);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException notPosix) {
				// a file system without POSIX permissions: the folder's own protection
				// applies
			}
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or make the local secret " + file, ex);
		}
	}

}
