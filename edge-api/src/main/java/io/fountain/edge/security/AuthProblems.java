package io.fountain.edge.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem+json. The 401 keeps the {@code WWW-Authenticate: Bearer} header
 * RFC 6750 asks for, with the error code and one fixed description: the JWT decoder's own
 * message (which check failed, and how) helps whoever is forging a token more than a
 * client, and never leaves the edge. It never echoes the token.
 */
final class AuthProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	/** RFC 6750 §3: no error code for a request that carried no token at all. */
	static final String NO_TOKEN = "Bearer";

	static final String REFUSED_TOKEN = "Bearer error=\"invalid_token\", error_description=\"The token was refused\"";

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		// Another scheme (Basic) is no bearer token at all: the same answer as none.
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		boolean presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, presented ? REFUSED_TOKEN : NO_TOKEN);
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
