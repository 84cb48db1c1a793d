package io.fountain.edge.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem+json. The 401 keeps the {@code WWW-Authenticate: Bearer} header (with the reason the token
 * was refused, as RFC 6750 asks) and says what to do; it never echoes the token.
 */
final class AuthProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		bearer.commence(request, response, ex); // the status and the WWW-Authenticate header
		boolean presented = request.getHeader("Authorization") != null;
		SecurityConfiguration.writeProblem(response, 401, "Unauthorized", presented
				? "The bearer token was refused (bad signature, expired, not yet valid, or for another issuer or audience)"
				: "This API needs a bearer token: Authorization: Bearer <token> (locally: ./infra/token <user>)");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		SecurityConfiguration.writeProblem(response, 403, "Forbidden", "This needs the operator role");
	}
}
