package io.fountain.problems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A command (POST, PUT, PATCH, DELETE) whose {@code Accept} takes no JSON is refused with
 * a 406 before it runs. Left to content negotiation, the command ran, committed, and only
 * then could its answer not be written: the client was told 406 for a change that had
 * happened (found by the fuzz suite). Every command answers JSON or problem+json, or
 * nothing at all; reads keep Spring's negotiation, which has no side effect to undo.
 */
public class AnswersForWrites extends OncePerRequestFilter {

	private static final Set<String> COMMANDS = Set.of("POST", "PUT", "PATCH", "DELETE");

	private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON,
			MediaType.APPLICATION_PROBLEM_JSON);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String accept = request.getHeader("Accept");
		if (accept == null || !COMMANDS.contains(request.getMethod()) || takesJson(accept)) {
			chain.doFilter(request, response);
			return;
		}
		String problem = "Accept must allow application/json (or application/problem+json): a command answers in JSON";
		response.setStatus(406);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream()
			.write(("{\"type\":\"about:blank\",\"title\":\"Not acceptable\",\"status\":406," + "\"detail\":\"" + problem
					+ "\",\"errors\":[{\"field\":\"Accept\",\"message\":\"" + problem + "\"}]}")
				.getBytes(StandardCharsets.UTF_8));
	}

	private static boolean takesJson(String accept) {
		if (accept.isBlank()) {
			return true; // no preference
		}
		try {
			return MediaType.parseMediaTypes(accept)
				.stream()
				.anyMatch(range -> ANSWERS.stream().anyMatch(range::includes) && range.getQualityValue() > 0);
		}
		catch (IllegalArgumentException unreadable) { // InvalidMediaTypeException among
														// them
			return false;
		}
	}

}
