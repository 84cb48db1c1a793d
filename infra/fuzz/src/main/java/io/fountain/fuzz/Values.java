package io.fountain.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Valid values for the schemas of the OpenAPI document: small ones, within every bound
 * the schema states, with the ids of real entities where a property names one
 * ({@code characterId}), and text unique to the request (a character's name must be new
 * in its play). An object gets its required properties, and a plain text one when none of
 * those is (an empty PATCH would change nothing, an act needs no title).
 */
final class Values {

	/**
	 * The plain text properties an object is given first when it has no required one:
	 * what a writer sets.
	 */
	private static final List<String> PREFERRED_TEXT = List.of("title", "name", "text", "heading");

	/** An alternation of words, {@code editor|viewer} or {@code ^(editor|viewer)$}. */
	private static final Pattern ALTERNATIVES = Pattern.compile("\\^?\\(?([\\w .-]+(?:\\|[\\w .-]+)*)\\)?\\$?");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private Values() {
	}

	/**
	 * Where ids of entities come from: the kind is {@code script}, {@code act},
	 * {@code character}, ...
	 */
	@FunctionalInterface
	interface Ids {

		Optional<String> idOf(String kind);

	}

	/**
	 * A valid value for the schema.
	 * @param name the property or parameter it is for: {@code characterId} takes a
	 * character's id
	 * @param serial makes text unique to one request
	 */
	static JsonNode valid(Schema schema, String name, Ids ids, int serial) {
		return valid(schema, name, ids, serial, 0);
	}

	private static JsonNode valid(Schema schema, String name, Ids ids, int serial, int depth) {
		Optional<JsonNode> fallback = schema.defaultValue().filter(value -> !value.isNull());
		return switch (schema.type()) {
			case "integer", "number" ->
				fallback.filter(JsonNode::isNumber).orElseGet(() -> NODES.numberNode(bounded(schema, 1)));
			case "boolean" -> NODES.booleanNode(false);
			case "array" -> {
				ArrayNode array = NODES.arrayNode();
				long items = Math.max(1, schema.minItems().orElse(1L));
				for (int i = 0; i < items && depth < 8; i++) {
					array.add(valid(schema.items(), singular(name), ids, serial, depth + 1));
				}
				yield array;
			}
			case "object" -> object(schema, ids, serial, depth);
			default -> NODES.stringNode(text(schema, name, ids, serial));
		};
	}

	/** The object with the properties {@link #chosen} names, each valid. */
	static ObjectNode object(Schema schema, Ids ids, int serial) {
		return object(schema, ids, serial, 0);
	}

	private static ObjectNode object(Schema schema, Ids ids, int serial, int depth) {
		ObjectNode object = NODES.objectNode();
		if (depth < 8) {
			for (Map.Entry<String, Schema> property : chosen(schema).entrySet()) {
				object.set(property.getKey(), valid(property.getValue(), property.getKey(), ids, serial, depth + 1));
			}
		}
		return object;
	}

	/** The required properties, and a plain text one when none of them is. */
	static Map<String, Schema> chosen(Schema object) {
		Map<String, Schema> properties = object.properties();
		Map<String, Schema> chosen = new LinkedHashMap<>();
		properties.forEach((name, schema) -> {
			if (object.required().contains(name)) {
				chosen.put(name, schema);
			}
		});
		if (chosen.values().stream().noneMatch(Values::plainText)) {
			List<String> names = new ArrayList<>(PREFERRED_TEXT);
			names.addAll(properties.keySet());
			names.stream()
				.filter(name -> properties.containsKey(name) && plainText(properties.get(name)))
				.findFirst()
				.ifPresent(name -> chosen.put(name, properties.get(name)));
		}
		return chosen;
	}

	/**
	 * Text with no format or enumeration, whose pattern takes words: what a writer types.
	 */
	static boolean plainText(Schema schema) {
		return schema.isString() && schema.format().isEmpty() && schema.enumValues().isEmpty()
				&& schema.pattern().map(pattern -> matches(pattern, "FUZZ 1")).orElse(true);
	}

	/**
	 * Text for a string schema: an entity's id, an enumerated value, a match of its
	 * pattern, or words.
	 */
	static String text(Schema schema, String name, Ids ids, int serial) {
		String format = schema.format().orElse("");
		if (format.equals("uuid")) {
			return kindOfId(name).flatMap(ids::idOf)
				.orElseGet(
						() -> UUID.nameUUIDFromBytes(("fuzz " + serial).getBytes(StandardCharsets.UTF_8)).toString());
		}
		if (!schema.enumValues().isEmpty()) {
			return schema.enumValues().getFirst();
		}
		String words = switch (format) {
			case "date-time" -> "2026-01-01T00:00:00Z";
			case "date" -> "2026-01-01";
			case "email" -> "fuzz" + serial + "@example.com";
			case "uri", "url" -> "https://example.com/" + serial;
			default -> name.equals("heading") ? "INT. ROOM " + serial + " - DAY" : "FUZZ " + serial;
		};
		if (schema.pattern().isPresent()) {
			String pattern = schema.pattern().get();
			List<String> candidates = new ArrayList<>(List.of(words, words.replace(' ', '-'), words.replace(" ", ""),
					words.replace(" ", "").toLowerCase(Locale.ROOT)));
			Matcher alternatives = ALTERNATIVES.matcher(pattern);
			if (alternatives.matches()) {
				candidates.add(alternatives.group(1).split("\\|")[0]);
			}
			words = candidates.stream().filter(candidate -> matches(pattern, candidate)).findFirst().orElse(words);
		}
		int max = (int) Math.min(schema.maxLength().orElse(Long.MAX_VALUE), 10_000);
		int min = (int) Math.min(schema.minLength().orElse(0L), 10_000);
		if (words.length() > max) {
			words = words.substring(0, max);
		}
		return words.length() < min ? words + "X".repeat(min - words.length()) : words;
	}

	/**
	 * The kind of entity a property named {@code characterId} holds the id of
	 * ({@code character}).
	 */
	static Optional<String> kindOfId(String name) {
		return name.endsWith("Id") && name.length() > 2 ? Optional.of(name.substring(0, name.length() - 2))
				: Optional.empty();
	}

	private static long bounded(Schema schema, long wanted) {
		long value = Math.max(wanted, schema.minimum().orElse(Long.MIN_VALUE));
		return Math.min(value, schema.maximum().orElse(Long.MAX_VALUE));
	}

	private static boolean matches(String pattern, String text) {
		try {
			// Bean Validation's @Pattern, which the services' patterns come from, matches
			// the whole text.
			return Pattern.compile(pattern).matcher(text).matches();
		}
		catch (PatternSyntaxException notJava) {
			return true; // an ECMA pattern Java cannot read: the words are as good a
							// guess as any
		}
	}

	private static String singular(String name) {
		return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
	}

}
