package io.fountain.problems.patch;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a member of a merge patch with the deserializer of its value type, so the value
 * meets the same strict rules as in a creation; a {@code null} member is a cleared
 * {@link Patch}, a missing one an absent {@link Patch} (Jackson asks the deserializer of
 * a record component for its absent value).
 */
final class PatchDeserializer extends ValueDeserializer<Patch<?>> {

	private final ValueDeserializer<Object> values;

	PatchDeserializer() {
		this(null);
	}

	private PatchDeserializer(ValueDeserializer<Object> values) {
		this.values = values;
	}

	@Override
	public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
		JavaType patch = property != null ? property.getType() : context.getContextualType();
		if (patch == null || patch.containedTypeCount() != 1) {
			return context.reportBadDefinition(Patch.class, "a Patch needs its value type, as in Patch<String>");
		}
		return new PatchDeserializer(context.findContextualValueDeserializer(patch.containedType(0), property));
	}

	@Override
	public Patch<?> deserialize(JsonParser parser, DeserializationContext context) {
		return Patch.of(values.deserialize(parser, context));
	}

	@Override
	public Patch<?> getNullValue(DeserializationContext context) {
		return Patch.of(null);
	}

	@Override
	public Patch<?> getAbsentValue(DeserializationContext context) {
		return Patch.absent();
	}

}
