package io.fountain.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The places in a JSON body a mutation can put a value: each property of the body's
 * schema, the first item of each list and the properties of an object inside one
 * ({@code parentheticals[0].text}). A value goes in as raw bytes, so that it can be what
 * no JSON library would write: a lone surrogate's escape, an overlong UTF-8 sequence,
 * 10,000 brackets.
 */
final class Slots {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Stands in the body where the raw value goes: text no valid value contains. */
	private static final String MARKER = "fuzz-slot-5e1f0c";

	private static final Values.Ids NO_IDS = kind -> Optional.empty();

	private Slots() {
	}

	/**
	 * A place in the body.
	 *
	 * @param path property names and list indexes from the body's root
	 * @param required whether the schema requires it (a list's item is required: no list
	 * of the API holds a null)
	 */
	record Slot(List<Object> path, Schema schema, boolean required) {

		String name() {
			StringBuilder name = new StringBuilder();
			for (Object step : path) {
				if (step instanceof Integer index) {
					name.append('[').append(index).append(']');
				}
				else {
					name.append(name.isEmpty() ? "" : ".").append(step);
				}
			}
			return name.toString();
		}

		/** A property of the body itself: what reading the entity back shows as is. */
		boolean topLevel() {
			return path.size() == 1;
		}
	}

	/**
	 * Every slot of an object schema, its properties first, then what is inside its lists
	 * and objects.
	 */
	static List<Slot> of(Schema body) {
		List<Slot> slots = new ArrayList<>();
		if (!body.type().equals("object")) {
			return slots;
		}
		Map<String, Schema> properties = body.properties();
		properties
			.forEach((name, schema) -> slots.add(new Slot(List.of(name), schema, body.required().contains(name))));
		properties.forEach((name, schema) -> {
			if (schema.type().equals("array")) {
				Schema item = schema.items();
				slots.add(new Slot(List.of(name, 0), item, true));
				if (item.type().equals("object")) {
					item.properties()
						.forEach((inner, innerSchema) -> slots
							.add(new Slot(List.of(name, 0, inner), innerSchema, item.required().contains(inner))));
				}
			}
			else if (schema.type().equals("object")) {
				schema.properties()
					.forEach((inner, innerSchema) -> slots
						.add(new Slot(List.of(name, inner), innerSchema, schema.required().contains(inner))));
			}
		});
		return slots;
	}

	/**
	 * The valid body with {@code raw} as the slot's value, the lists and objects on the
	 * way there made valid when the valid body had none.
	 */
	static byte[] with(JsonNode valid, Schema body, Slot slot, byte[] raw) {
		ObjectNode root = valid != null && valid.isObject() ? (ObjectNode) valid.deepCopy() : JSON.createObjectNode();
		JsonNode container = root;
		Schema schema = body;
		List<Object> path = slot.path();
		for (int i = 0; i < path.size() - 1; i++) {
			Object step = path.get(i);
			Schema next = step instanceof Integer ? schema.items() : schema.properties().get((String) step);
			JsonNode child = step instanceof Integer index ? container.path(index) : container.path((String) step);
			if (!(child.isObject() || child.isArray()) || (child.isArray() && child.isEmpty())) {
				child = next.type().equals("array") ? Values.valid(next, String.valueOf(step), NO_IDS, 0)
						: Values.object(next, NO_IDS, 0);
				set(container, step, child);
			}
			container = child;
			schema = next;
		}
		set(container, path.getLast(), JsonNodeFactory.instance.stringNode(MARKER));
		return replaceMarker(JSON.writeValueAsBytes(root), raw);
	}

	/**
	 * The valid body with one more property, written as raw bytes after the opening
	 * brace.
	 */
	static byte[] withLeadingProperty(JsonNode valid, String name, byte[] rawValue) {
		byte[] body = JSON.writeValueAsBytes(valid != null && valid.isObject() ? valid : JSON.createObjectNode());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(("{" + JSON.writeValueAsString(name) + ":").getBytes(StandardCharsets.UTF_8));
		out.writeBytes(rawValue);
		byte[] rest = Arrays.copyOfRange(body, 1, body.length);
		if (rest.length > 1) {
			out.write(',');
		}
		out.writeBytes(rest);
		return out.toByteArray();
	}

	private static void set(JsonNode container, Object step, JsonNode value) {
		if (step instanceof Integer index) {
			ArrayNode array = (ArrayNode) container;
			while (array.size() <= index) {
				array.addNull();
			}
			array.set(index, value);
		}
		else {
			((ObjectNode) container).set((String) step, value);
		}
	}

	private static byte[] replaceMarker(byte[] body, byte[] raw) {
		byte[] marker = ("\"" + MARKER + "\"").getBytes(StandardCharsets.US_ASCII);
		int at = indexOf(body, marker);
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + raw.length);
		out.write(body, 0, at);
		out.writeBytes(raw);
		out.write(body, at + marker.length, body.length - at - marker.length);
		return out.toByteArray();
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new IllegalStateException("the marker is not in the body");
	}

}
