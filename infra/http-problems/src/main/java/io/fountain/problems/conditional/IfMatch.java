package io.fountain.problems.conditional;

import java.util.List;
import java.util.Locale;

/**
 * A request's {@code If-Match} header (RFC 9110 section 13.1.1): change the entity only
 * if it is still at one of these versions. Checked by the service in the transaction that
 * changes the entity, after it has read (and locked) it, so that no change can come
 * between the check and the write. Absent, it allows any version (the app does not ask).
 */
public final class IfMatch {

	private static final IfMatch ANY = new IfMatch(List.of());

	private final List<String> tags;

	private IfMatch(List<String> tags) {
		this.tags = tags;
	}

	/** From the header's value; {@code null} when the request has none. */
	public static IfMatch of(String header) {
		List<String> tags = EntityVersions.tags(header);
		return tags.isEmpty() || tags.contains("*") ? ANY : new IfMatch(List.copyOf(tags));
	}

	/** No condition: any version may be changed. */
	public static IfMatch any() {
		return ANY;
	}

	/**
	 * Throws {@link EntityChanged} (412) unless the entity's current version is one the
	 * request named, by strong comparison: a weak tag never matches.
	 * @param entity the entity's class, which names it in the problem ("The act
	 * changed...")
	 */
	public void require(Class<?> entity, long currentVersion) {
		if (!tags.isEmpty() && !tags.contains(EntityVersions.tag(currentVersion))) {
			throw new EntityChanged(entity.getSimpleName().toLowerCase(Locale.ROOT), currentVersion, tags);
		}
	}

	@Override
	public String toString() {
		return tags.isEmpty() ? "If-Match: *" : "If-Match: " + String.join(", ", tags);
	}

}
