package io.fountain.problems.patch;

import jakarta.validation.valueextraction.ExtractedValue;
import jakarta.validation.valueextraction.UnwrapByDefault;
import jakarta.validation.valueextraction.ValueExtractor;

/**
 * Lets Bean Validation check the value of a {@link Patch} with the constraints declared
 * on the field: nothing when the field is absent, {@code null} when the patch clears it
 * (so {@code @NotNull} refuses a cleared required field), the value otherwise. Registered
 * through {@code META-INF/services}.
 */
@UnwrapByDefault
public final class PatchValueExtractor implements ValueExtractor<Patch<@ExtractedValue ?>> {

	@Override
	public void extractValues(Patch<?> originalValue, ValueReceiver receiver) {
		if (originalValue.named()) {
			receiver.value(null, originalValue.value());
		}
	}

}
