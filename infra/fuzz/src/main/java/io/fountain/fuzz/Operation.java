package io.fountain.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An operation of the API: a method on a path template, with one media type of its
 * request body when it has one.
 *
 * @param body {@code null} for an operation without a request body
 */
record Operation(String method, String template, List<ApiDocument.Parameter> parameters, Body body) {

	Operation {
		parameters = List.copyOf(parameters);
	}

	/**
	 * As a report names it: {@code POST /scripts/{scriptId}/acts}, with the media type
	 * when there is a body.
	 */
	String name() {
		return method + " " + template + (body == null ? "" : " (" + body.mediaType() + ")");
	}

	List<ApiDocument.Parameter> in(String where) {
		return parameters.stream().filter(parameter -> parameter.in().equals(where)).toList();
	}

	boolean hasJsonBody() {
		return body != null && body.json();
	}

	boolean writes() {
		return List.of("POST", "PUT", "PATCH", "DELETE").contains(method);
	}

	/**
	 * The segments of the template, {@code /scripts/{id}/acts} giving {@code scripts},
	 * {@code {id}}, {@code acts}.
	 */
	List<String> segments() {
		List<String> segments = new ArrayList<>(List.of(template.split("/")));
		segments.removeIf(String::isEmpty);
		return segments;
	}

	/**
	 * The kind of entity a path parameter names, from the segment before it:
	 * {@code /acts/{id}} and {@code /acts/{actId}/scenes} name an {@code act},
	 * {@code /scripts/{id}/collaborators/{userId}} a {@code collaborator}.
	 */
	Optional<String> kindOf(String parameter) {
		List<String> segments = segments();
		int at = segments.indexOf("{" + parameter + "}");
		if (at < 1 || segments.get(at - 1).startsWith("{")) {
			return Optional.empty();
		}
		String plural = segments.get(at - 1);
		return Optional.of(plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural);
	}

	/**
	 * The parameter of the last path segment that is one: what a DELETE deletes, a PATCH
	 * changes.
	 */
	Optional<String> lastPathParameter() {
		List<String> segments = segments();
		for (int i = segments.size() - 1; i >= 0; i--) {
			if (segments.get(i).startsWith("{")) {
				return Optional.of(segments.get(i).substring(1, segments.get(i).length() - 1));
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether the template ends in a parameter: {@code /acts/{id}} names one entity,
	 * {@code /scripts/{id}/acts} a list.
	 */
	boolean namesOneEntity() {
		return template.endsWith("}");
	}

	/**
	 * The body's media type and schema.
	 *
	 * @param required whether the document says the operation needs a body
	 */
	record Body(String mediaType, Schema schema, boolean required) {

		boolean json() {
			return mediaType.equals("application/json") || mediaType.endsWith("+json");
		}
	}
}
