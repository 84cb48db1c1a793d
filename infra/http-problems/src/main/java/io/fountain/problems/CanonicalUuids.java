package io.fountain.problems;

import java.beans.PropertyEditorSupport;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads a UUID in a path or a query only in its canonical form: 36 characters,
 * hexadecimal digits in groups of 8-4-4-4-12. Spring's own conversion trims white space
 * ({@code /scenes/<id>%20} found the scene) and {@link UUID#fromString} takes short
 * groups ({@code 1-1-1-1-1}); either way one entity had many addresses, and the API
 * refuses what it does not store exactly. Registered as a binder's custom editor, which
 * Spring consults before its conversion service; a refusal is the usual 400 naming the
 * parameter.
 */
final class CanonicalUuids extends PropertyEditorSupport {

	private static final Pattern CANONICAL = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	@Override
	public void setAsText(String text) {
		if (text == null || text.isEmpty()) {
			setValue(null); // absent: @PathVariable and @RequestParam say whether that is
							// allowed
			return;
		}
		if (!CANONICAL.matcher(text).matches()) {
			throw new IllegalArgumentException("not a canonical UUID");
		}
		setValue(UUID.fromString(text));
	}

	@Override
	public String getAsText() {
		return getValue() == null ? "" : getValue().toString();
	}

}
