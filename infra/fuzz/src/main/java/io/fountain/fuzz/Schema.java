package io.fountain.fuzz;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A JSON Schema of the OpenAPI document, its {@code $ref} followed: what the fuzz needs
 * of it to make a valid value (types, formats, enums, patterns, bounds, required
 * properties) and to know what a mutation breaks.
 */
final class Schema {

	private final JsonNode node;

	private final JsonNode document;

	private Schema(JsonNode node, JsonNode document) {
		this.node = node;
		this.document = document;
	}

	/**
	 * The schema at {@code node}, {@code $ref}s and a lone {@code allOf} followed (at
	 * most 20 deep).
	 */
	static Schema of(JsonNode node, JsonNode document) {
		JsonNode at = node == null ? MissingNode.getInstance() : node;
		for (int hops = 0; hops < 20; hops++) {
			if (at.has("$ref")) {
				String ref = at.get("$ref").asString();
				at = document.at(ref.startsWith("#") ? ref.substring(1) : ref);
			}
			else if (at.path("allOf").size() == 1 && !at.has("properties")) {
				at = at.path("allOf").get(0);
			}
			else {
				break;
			}
		}
		return new Schema(at, document);
	}

	/**
	 * {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code array} or
	 * {@code object}; a 3.1 type list gives its first that is not {@code null};
	 * {@code any} when the schema does not say.
	 */
	String type() {
		JsonNode type = node.path("type");
		if (type.isString()) {
			return type.asString();
		}
		if (type.isArray()) {
			for (JsonNode each : type) {
				if (!"null".equals(each.asString())) {
					return each.asString();
				}
			}
		}
		for (String alternatives : List.of("oneOf", "anyOf")) {
			if (node.path(alternatives).isArray() && !node.path(alternatives).isEmpty()) {
				return of(node.path(alternatives).get(0), document).type();
			}
		}
		if (node.has("properties")) {
			return "object";
		}
		if (node.has("items")) {
			return "array";
		}
		return node.has("enum") ? "string" : "any";
	}

	boolean isString() {
		return type().equals("string");
	}

	boolean isNumeric() {
		return type().equals("integer") || type().equals("number");
	}

	Optional<String> format() {
		return text("format");
	}

	Optional<String> pattern() {
		return text("pattern");
	}

	List<String> enumValues() {
		return node.path("enum").valueStream().filter(JsonNode::isString).map(JsonNode::asString).toList();
	}

	Optional<Long> minLength() {
		return number("minLength");
	}

	Optional<Long> maxLength() {
		return number("maxLength");
	}

	Optional<Long> minimum() {
		return number("minimum");
	}

	Optional<Long> maximum() {
		return number("maximum");
	}

	Optional<Long> minItems() {
		return number("minItems");
	}

	Optional<JsonNode> defaultValue() {
		return node.has("default") ? Optional.of(node.get("default")) : Optional.empty();
	}

	/** The properties in the document's order. */
	Map<String, Schema> properties() {
		Map<String, Schema> properties = new LinkedHashMap<>();
		node.path("properties").properties().forEach(p -> properties.put(p.getKey(), of(p.getValue(), document)));
		return properties;
	}

	Set<String> required() {
		Set<String> required = new LinkedHashSet<>();
		node.path("required").forEach(name -> required.add(name.asString()));
		return required;
	}

	Schema items() {
		return of(node.path("items"), document);
	}

	/**
	 * Whether an object takes properties it does not name ({@code additionalProperties}
	 * true or a schema).
	 */
	boolean takesUnknownProperties() {
		JsonNode additional = node.path("additionalProperties");
		return additional.isObject() || additional.asBoolean(false);
	}

	private Optional<String> text(String name) {
		return node.path(name).isString() ? Optional.of(node.get(name).asString()) : Optional.empty();
	}

	private Optional<Long> number(String name) {
		return node.path(name).isNumber() ? Optional.of(node.get(name).asLong()) : Optional.empty();
	}

}
