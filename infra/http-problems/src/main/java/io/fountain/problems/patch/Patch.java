package io.fountain.problems.patch;

import java.util.Objects;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One member of a JSON merge patch (RFC 7396): absent (the field stays as it is),
 * {@code null} (the field is cleared) or a value. A request record declares each field it
 * lets a {@code PATCH} change as a {@code Patch}; its constraints apply to the value when
 * there is one, so {@code @NotNull} on a {@code Patch} means "may be left out, may not be
 * cleared", and a {@code null} for it is a 400 naming the field.
 */
@JsonDeserialize(using = PatchDeserializer.class)
public final class Patch<T> {

	private static final Patch<?> ABSENT = new Patch<>(false, null);

	private static final Patch<?> CLEARED = new Patch<>(true, null);

	private final boolean named;

	private final T value;

	private Patch(boolean named, T value) {
		this.named = named;
		this.value = value;
	}

	/** The field is not in the patch. */
	@SuppressWarnings("unchecked")
	public static <T> Patch<T> absent() {
		return (Patch<T>) ABSENT;
	}

	/** The field is in the patch: {@code null} clears it. */
	@SuppressWarnings("unchecked")
	public static <T> Patch<T> of(T value) {
		return value == null ? (Patch<T>) CLEARED : new Patch<>(true, value);
	}

	/** Whether the patch names the field, with a value or with {@code null}. */
	public boolean named() {
		return named;
	}

	/** Whether the patch clears the field ({@code "field": null}). */
	public boolean cleared() {
		return named && value == null;
	}

	/**
	 * The value the patch gives, or {@code null} when it clears the field or leaves it
	 * out.
	 */
	public T value() {
		return value;
	}

	/** The field after the patch: {@code current} when the patch leaves it out. */
	public T merged(T current) {
		return named ? value : current;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Patch<?> patch && named == patch.named && Objects.equals(value, patch.value);
	}

	@Override
	public int hashCode() {
		return Objects.hash(named, value);
	}

	@Override
	public String toString() {
		return !named ? "absent" : value == null ? "null" : String.valueOf(value);
	}

}
