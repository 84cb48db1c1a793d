package io.fountain.problems;

import com.fasterxml.jackson.annotation.Nulls;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The rule for request bodies: a field must have the type it is documented with (no
 * {@code 5} for a string, no {@code "5"} for a number) and an unknown field is refused,
 * so that a typo is a clear 400 naming it rather than a silently ignored change. A field
 * named twice is refused too (which one would win is the parser's choice, not the
 * writer's), as is a {@code null} inside a list (no list of Fountain's holds one), and
 * every string must pass {@link TextRule} ({@link StrictStrings}).
 */
class StrictJson implements JsonMapperBuilderCustomizer {

	@Override
	public void customize(JsonMapper.Builder builder) {
		builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.changeDefaultNullHandling(nulls -> nulls.withContentNulls(Nulls.FAIL))
			.addModule(new SimpleModule("fountain-strict-strings").addDeserializer(String.class, new StrictStrings()))
			.withCoercionConfig(LogicalType.Textual,
					config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Integer,
					config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean,
					config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
	}

}
