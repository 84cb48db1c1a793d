package io.fountain.problems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request with a body must say it is JSON ({@code application/json},
 * {@code application/*+json}) or Fountain ({@code text/x-fountain}), in UTF-8 when it
 * names a charset: anything else is a 415 naming the header, before any code tries to
 * read it. Without this, a wildcard content type ({@code *}{@code /*}) or a form body
 * that is not valid in its charset fail deep in the framework as a 500.
 */
public class BodyContentTypes extends OncePerRequestFilter {

	private static final List<MediaType> ACCEPTED = List.of(MediaType.APPLICATION_JSON,
			new MediaType("application", "*+json"), new MediaType("text", "x-fountain"));

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String problem = hasBody(request) ? problemWith(request.getContentType()) : null;
		if (problem == null) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(415);
		response.setContentType("application/problem+json");
		response.getOutputStream()
			.write(("{\"type\":\"about:blank\",\"title\":\"Unsupported media type\",\"status\":415," + "\"detail\":\""
					+ problem + "\",\"errors\":[{\"field\":\"Content-Type\",\"message\":\"" + problem + "\"}]}")
				.getBytes(StandardCharsets.UTF_8));
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
	}

	private static String problemWith(String contentType) {
		String expected = "must be application/json (or text/x-fountain for a screenplay), in UTF-8";
		if (contentType == null || contentType.isBlank()) {
			return "Content-Type is missing: it " + expected;
		}
		MediaType type;
		try {
			type = MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			return "Content-Type is not a media type: it " + expected;
		}
		if (type.isWildcardType() || type.isWildcardSubtype() || ACCEPTED.stream().noneMatch(a -> a.includes(type))) {
			return "Content-Type " + expected;
		}
		if (type.getParameter("charset") != null
				&& !type.getParameter("charset").replace("\"", "").equalsIgnoreCase("UTF-8")) {
			return "Content-Type charset " + expected;
		}
		return null;
	}

}
