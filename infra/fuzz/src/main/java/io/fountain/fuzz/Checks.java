package io.fountain.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.fountain.testing.RawHttp;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every answer must be, whatever was sent: not a 5xx, and as an error, problem+json
 * with its own status.
 */
final class Checks {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The methods HTTP defines: for any other, 501 is the status RFC 9110 gives (15.6.2),
	 * not a failure.
	 */
	private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT",
			"OPTIONS", "TRACE", "PATCH");

	private Checks() {
	}

	/**
	 * The classes of finding the answer to the request falls in; none when it is as it
	 * must be.
	 */
	static List<Finding.Kind> of(Request request, RawHttp.Response answer) {
		List<Finding.Kind> kinds = new ArrayList<>();
		int status = answer.status();
		boolean unknownMethod = status == 501 && !KNOWN_METHODS.contains(request.method());
		if (status >= 500 && !unknownMethod) {
			kinds.add(Finding.Kind.SERVER_ERROR);
		}
		if (status >= 400 && !request.method().equals("HEAD")) {
			if (!isProblem(answer)) {
				kinds.add(Finding.Kind.NOT_PROBLEM);
			}
			else if (problemStatus(answer) != status) {
				kinds.add(Finding.Kind.STATUS_DIFFERS);
			}
		}
		return kinds;
	}

	static boolean isProblem(RawHttp.Response answer) {
		return answer.contentType().toLowerCase(Locale.ROOT).startsWith("application/problem+json")
				&& problemStatus(answer) != -1;
	}

	/**
	 * The {@code status} member of a problem+json body; -1 when the body is no JSON
	 * object.
	 */
	static int problemStatus(RawHttp.Response answer) {
		try {
			JsonNode body = JSON.readTree(answer.body());
			return body.isObject() ? body.path("status").asInt(0) : -1;
		}
		catch (JacksonException notJson) {
			return -1;
		}
	}

	/**
	 * The answer in a few words, for a finding: status, media type and the start of the
	 * body.
	 */
	static String brief(RawHttp.Response answer) {
		String body = answer.body().replaceAll("[\\s\\x00-\\x1f]+", " ").strip();
		return answer.status() + " " + (answer.contentType().isEmpty() ? "(no Content-Type)" : answer.contentType())
				+ (body.isEmpty() ? " (empty body)"
						: " " + (body.length() > 160 ? body.substring(0, 160) + "..." : body));
	}

}
