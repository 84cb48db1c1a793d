package io.fountain.problems.patch;

import java.util.Iterator;

import com.fasterxml.jackson.databind.JavaType;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotNull;

/**
 * The OpenAPI schema of a {@link Patch} field is its value's, with the field's own
 * constraints; {@code null} is a permitted value unless the field is {@code @NotNull} (it
 * may not be cleared). No field of a patch is required.
 */
public final class PatchSchemas implements ModelConverter {

	@Override
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		JavaType javaType = Json.mapper().constructType(type.getType());
		if (javaType == null || javaType.getRawClass() != Patch.class || !chain.hasNext()) {
			return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
		}
		AnnotatedType value = new AnnotatedType(javaType.containedTypeOrUnknown(0))
			.ctxAnnotations(type.getCtxAnnotations())
			.parent(type.getParent())
			.name(type.getName())
			.propertyName(type.getPropertyName())
			.schemaProperty(type.isSchemaProperty())
			.resolveAsRef(type.isResolveAsRef())
			.jsonViewAnnotation(type.getJsonViewAnnotation())
			.skipSchemaName(true);
		Schema schema = chain.next().resolve(value, context, chain);
		if (schema != null && !notNull(type)) {
			if (schema.getSpecVersion() == SpecVersion.V31) {
				schema.addType("null");
			}
			else {
				schema.setNullable(true);
			}
		}
		return schema;
	}

	private static boolean notNull(AnnotatedType type) {
		if (type.getCtxAnnotations() == null) {
			return false;
		}
		for (var annotation : type.getCtxAnnotations()) {
			if (annotation instanceof NotNull) {
				return true;
			}
		}
		return false;
	}

}
