package io.fountain.eventing.web;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import io.fountain.callers.Caller;
import io.fountain.callers.CallerTokens;
import io.fountain.eventing.EventContext;

/**
 * Binds who and what a client command is about: its {@link Caller}, from the token the
 * edge (or another service, for the system) signed in the {@value CallerTokens#HEADER}
 * header, and its {@link EventContext} (correlation id: the caller's
 * {@value #CORRELATION_ID} header when it is a sane token, a fresh one otherwise, echoed
 * on the response; actor: the caller). A request without a valid caller token did not
 * come through the edge: 401, except for health, metrics and the API document, which
 * carry no play.
 */
public class EventContextFilter extends OncePerRequestFilter {

	public static final String CORRELATION_ID = "X-Correlation-Id";

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

	private final CallerTokens tokens;

	public EventContextFilter(CallerTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String correlationId = sane(request.getHeader(CORRELATION_ID), UUID.randomUUID().toString());
		response.setHeader(CORRELATION_ID, correlationId);
		if (isPublic(request.getRequestURI())) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Caller> caller = tokens.verify(request.getHeader(CallerTokens.HEADER));
		if (caller.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setContentType("application/problem+json");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
						+ "\"detail\":\"Call this API through the edge, with a bearer token\"}");
			return;
		}
		try (Caller.Scope bound = Caller.bind(caller.get());
				EventContext.Scope scope = EventContext
					.bind(EventContext.command(correlationId, caller.get().userId()))) {
			chain.doFilter(request, response);
		}
	}

	private static boolean isPublic(String path) {
		return path.startsWith("/actuator/") || path.equals("/actuator") || path.startsWith("/v3/api-docs")
				|| path.equals("/error");
	}

	private static String sane(String value, String fallback) {
		return value != null && TOKEN.matcher(value).matches() ? value : fallback;
	}

}
