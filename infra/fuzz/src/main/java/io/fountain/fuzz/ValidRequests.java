package io.fountain.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A valid request for each operation, derived from the OpenAPI document: the path's ids
 * those of real entities, every query parameter with a value it allows, the body the
 * smallest its schema allows ({@link Values}), a bearer token, and nothing else a client
 * would not send. The mutations start from it.
 */
final class ValidRequests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String token;

	ValidRequests(String token) {
		this.token = token;
	}

	/**
	 * @param methodsOfPath every method the document gives the operation's path (a
	 * mutation sends another)
	 * @param serial makes the request's text unique
	 */
	Valid build(Operation operation, Set<String> methodsOfPath, Values.Ids ids, int serial) {
		Map<String, String> pathValues = new LinkedHashMap<>();
		String path = operation.template();
		for (ApiDocument.Parameter parameter : operation.in("path")) {
			String value = operation.kindOf(parameter.name())
				.flatMap(ids::idOf)
				.orElseGet(() -> plain(Values.valid(parameter.schema(), parameter.name(), ids, serial)));
			pathValues.put(parameter.name(), value);
			path = path.replace("{" + parameter.name() + "}", Escapes.pathSegment(value));
		}
		StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
		for (ApiDocument.Parameter parameter : operation.in("query")) {
			query.add(Escapes.queryPart(parameter.name()) + "="
					+ Escapes.queryPart(plain(Values.valid(parameter.schema(), parameter.name(), ids, serial))));
		}
		Request request = new Request(operation.method(), path + query, List.of(), null)
			.withHeader("Authorization", "Bearer " + token)
			.withHeader("Accept", "*/*");
		for (ApiDocument.Parameter parameter : operation.in("header")) {
			if (parameter.required()) {
				request = request.withHeader(parameter.name(),
						plain(Values.valid(parameter.schema(), parameter.name(), ids, serial)));
			}
		}
		JsonNode json = null;
		if (operation.body() != null) {
			byte[] body;
			if (operation.hasJsonBody()) {
				json = Values.valid(operation.body().schema(), "", ids, serial);
				body = JSON.writeValueAsBytes(json);
			}
			else {
				body = sampleText(operation.body().mediaType(), serial).getBytes(StandardCharsets.UTF_8);
			}
			request = request.withHeader("Content-Type", operation.body().mediaType()).withBody(body);
		}
		return new Valid(operation, request, json, pathValues, methodsOfPath, serial);
	}

	/**
	 * A small document of the media type: a Fountain play with a title, a scene and an
	 * action, or words.
	 */
	static String sampleText(String mediaType, int serial) {
		if (mediaType.contains("fountain")) {
			return "Title: FUZZ " + serial + "\n\nINT. ROOM " + serial + " - DAY\n\nA door opens.\n";
		}
		return "FUZZ " + serial;
	}

	/**
	 * A value as it goes in a path or a query: text as is, a list's items joined with
	 * commas.
	 */
	private static String plain(JsonNode value) {
		if (value.isArray()) {
			StringJoiner items = new StringJoiner(",");
			value.forEach(item -> items.add(plain(item)));
			return items.toString();
		}
		return value.isString() ? value.asString() : value.toString();
	}

	/**
	 * A valid request and what it was made of.
	 *
	 * @param json the body as JSON, {@code null} when the body is not JSON or there is
	 * none
	 * @param pathValues each path parameter's value, unescaped
	 */
	record Valid(Operation operation, Request request, JsonNode json, Map<String, String> pathValues,
			Set<String> methodsOfPath, int serial) {
	}

}
