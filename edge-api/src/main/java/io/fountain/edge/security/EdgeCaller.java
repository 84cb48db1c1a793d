package io.fountain.edge.security;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import io.fountain.callers.Caller;
import io.fountain.callers.CallerTokens;

/**
 * The user a request acts for, from its verified bearer token, and the header that tells
 * a service so (a token only the edge and the services can sign: ADR 11). The services
 * never see the client's own token.
 */
@Component
public class EdgeCaller {

	/**
	 * As many callers as are likely to call within a token's minute; past that, tokens
	 * are signed again sooner.
	 */
	private static final int CACHED_CALLERS = 10_000;

	private final CallerTokenCache tokens;

	EdgeCaller(CallerTokens tokens) {
		this.tokens = new CallerTokenCache(tokens, Clock.systemUTC(), CACHED_CALLERS);
	}

	/**
	 * The user id of this request's bearer token, or {@code null} before (or without)
	 * authentication.
	 */
	public static String currentUserId() {
		return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt
				? jwt.getToken().getSubject() : null;
	}

	/**
	 * The authenticated user of this request; the system role is never taken from a
	 * client's token.
	 */
	public static Caller current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof JwtAuthenticationToken jwt)) {
			throw new IllegalStateException("no authenticated user on a route that needs one");
		}
		Set<String> roles = jwt.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("ROLE_"))
			.map(a -> a.substring(5))
			.filter(role -> !Caller.SYSTEM_ROLE.equals(role))
			.collect(Collectors.toSet());
		return Caller.user(jwt.getToken().getSubject(), roles);
	}

	/**
	 * The value of {@value CallerTokens#HEADER} for this caller: signed once, reused for
	 * most of its minute.
	 */
	public String tokenFor(Caller caller) {
		return tokens.tokenFor(caller);
	}

	/**
	 * The value of {@value CallerTokens#HEADER} for the edge's own reads (a play's status
	 * for everyone).
	 */
	public String systemToken() {
		return tokens.tokenFor(Caller.system());
	}

}
