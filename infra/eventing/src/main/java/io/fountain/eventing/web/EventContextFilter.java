package io.fountain.eventing.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import io.fountain.eventing.EventContext;

/**
 * Binds the {@link EventContext} of a client command: its correlation id (the caller's {@value #CORRELATION_ID}
 * header when it is a sane token, a fresh one otherwise, echoed on the response) and its actor (the
 * {@value #USER} header that edge-api sets).
 */
public class EventContextFilter extends OncePerRequestFilter {

	public static final String CORRELATION_ID = "X-Correlation-Id";

	public static final String USER = "Fountain-User";

	public static final String ANONYMOUS = "anonymous";

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String correlationId = sane(request.getHeader(CORRELATION_ID), UUID.randomUUID().toString());
		String actor = sane(request.getHeader(USER), ANONYMOUS);
		response.setHeader(CORRELATION_ID, correlationId);
		try (EventContext.Scope scope = EventContext.bind(EventContext.command(correlationId, actor))) {
			chain.doFilter(request, response);
		}
	}

	private static String sane(String value, String fallback) {
		return value != null && TOKEN.matcher(value).matches() ? value : fallback;
	}
}
