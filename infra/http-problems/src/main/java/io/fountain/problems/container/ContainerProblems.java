package io.fountain.problems.container;

import java.util.Map;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem for an error the framework or the servlet container answers by itself, said
 * for a client: the status, its reason, and a detail that names the part of the request
 * at fault (never a class name, a stack or a path on disk).
 */
final class ContainerProblems {

	/**
	 * What a client can change, by status; the container's own reasons say nothing a
	 * client can act on.
	 */
	private static final Map<Integer, String> DETAILS = Map.of(400,
			"The request is malformed: check the path (no encoded '/', '\\', NUL or '..'), the query string's "
					+ "percent escapes and the headers.",
			404, "There is nothing at this path.", 405, "This path does not take this method.", 406,
			"This API answers application/json or application/problem+json (and text/x-fountain for a play's "
					+ "export): ask for one of them in Accept.",
			413, "The request body is too large.", 414, "The request target (path and query) is too long.", 415,
			"The request body's Content-Type is not one this path takes.", 431, "The request's headers are too large.",
			500, "Something went wrong on our side. Quote the X-Correlation-Id of this response when you report it.");

	private ContainerProblems() {
	}

	/**
	 * The status a client should see for an error answered with {@code code}: a query
	 * string the container cannot decode is the client's mistake, not a 500.
	 */
	static HttpStatus statusOf(int code, Throwable failure) {
		if (failure != null && causedBy(failure, InvalidParameterException.class)) {
			return HttpStatus.BAD_REQUEST;
		}
		HttpStatus status = HttpStatus.resolve(code);
		return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}

	static ProblemDetail problem(HttpStatus status, Throwable failure) {
		String detail = failure != null && causedBy(failure, InvalidParameterException.class)
				? "The query string is not valid: a '%' must be followed by two hexadecimal digits, and the "
						+ "decoded text must be UTF-8."
				: DETAILS.getOrDefault(status.value(), status.getReasonPhrase() + ".");
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

	static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

}
