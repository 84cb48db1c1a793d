package io.fountain.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * The operations of an OpenAPI 3 document (the edge's {@code GET /v3/api-docs}): one per
 * path, method and media type of the request body, so that {@code POST /plays} as JSON
 * and as Fountain text are fuzzed each.
 */
final class ApiDocument {

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

	private final JsonNode document;

	ApiDocument(JsonNode document) {
		this.document = document;
	}

	List<Operation> operations() {
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
			List<Parameter> shared = parameters(path.getValue().path("parameters"));
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				if (!METHODS.contains(method.getKey())) {
					continue;
				}
				JsonNode operation = method.getValue();
				if (operation.path("responses").path("200").path("content").has("text/event-stream")) {
					// A stream has no answer to judge: it stays open (the change feed has
					// system tests of its own).
					continue;
				}
				List<Parameter> parameters = new ArrayList<>(shared);
				parameters.addAll(parameters(operation.path("parameters")));
				JsonNode body = operation.path("requestBody");
				boolean required = body.path("required").asBoolean(false);
				String verb = method.getKey().toUpperCase(Locale.ROOT);
				if (body.path("content").isEmpty()) {
					operations.add(new Operation(verb, path.getKey(), parameters, null));
				}
				for (Map.Entry<String, JsonNode> media : body.path("content").properties()) {
					operations.add(new Operation(verb, path.getKey(), parameters, new Operation.Body(media.getKey(),
							Schema.of(media.getValue().path("schema"), document), required)));
				}
			}
		}
		return operations;
	}

	/** The methods the document gives a path template. */
	Set<String> methodsOf(String template) {
		Set<String> methods = new TreeSet<>();
		for (Map.Entry<String, JsonNode> method : document.path("paths").path(template).properties()) {
			if (METHODS.contains(method.getKey())) {
				methods.add(method.getKey().toUpperCase(Locale.ROOT));
			}
		}
		return methods;
	}

	private List<Parameter> parameters(JsonNode list) {
		List<Parameter> parameters = new ArrayList<>();
		for (JsonNode parameter : list) {
			JsonNode resolved = parameter.has("$ref") ? document.at(parameter.get("$ref").asString().substring(1))
					: parameter;
			parameters.add(new Parameter(resolved.path("name").asString(), resolved.path("in").asString(),
					resolved.path("required").asBoolean(false), Schema.of(resolved.path("schema"), document)));
		}
		return parameters;
	}

	/**
	 * A parameter of an operation: {@code in} is {@code path}, {@code query},
	 * {@code header} or {@code cookie}.
	 */
	record Parameter(String name, String in, boolean required, Schema schema) {
	}

}
