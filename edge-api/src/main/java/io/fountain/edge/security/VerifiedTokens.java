package io.fountain.edge.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Bearer tokens already verified, kept until they expire: a client sends the same token
 * with every request, and checking its signature and claims again each time was a tenth
 * of the edge's CPU under load (JFR, issue 14).
 * <p>
 * Only a token the delegate accepted is kept, by its whole text (signature included, so
 * nothing else matches it), and only until its own {@code exp} (without the clock skew
 * the delegate allows): what could change about an accepted token is time alone. A
 * refused token is checked again every time, and answered as the delegate answers.
 */
final class VerifiedTokens implements JwtDecoder {

	private static final int REMEMBERED = 10_000;

	private final JwtDecoder delegate;

	private final Clock clock;

	private final Map<String, Jwt> verified = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Jwt> eldest) {
			return size() > REMEMBERED;
		}
	});

	VerifiedTokens(JwtDecoder delegate, Clock clock) {
		this.delegate = delegate;
		this.clock = clock;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Instant now = clock.instant();
		Jwt known = verified.get(token);
		if (known != null && known.getExpiresAt() != null && now.isBefore(known.getExpiresAt())) {
			return known;
		}
		Jwt jwt = delegate.decode(token);
		if (jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())) {
			verified.put(token, jwt);
		}
		return jwt;
	}

	int size() {
		return verified.size();
	}

}
