package io.fountain.positions;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The place of an element in its scene: a string of base-62 digits ({@code 0-9A-Za-z}),
 * compared as plain strings (byte order). Actions, dialogue blocks and transitions live
 * in three services, and one order holds across them without anyone renumbering anything:
 * <ul>
 * <li>an element added at the end of its scene takes a key made from the time
 * ({@link #atEnd}), so appends from any service sort in the order they happened;</li>
 * <li>an element put between two others takes a key strictly between theirs
 * ({@link #between}); there is always room, since keys may grow longer.</li>
 * </ul>
 * No key ends in {@code 0}, so there is always a key below any key.
 */
public final class Position {

	private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final Pattern VALID = Pattern.compile("[0-9A-Za-z]{1,200}");

	/**
	 * Time keys: epoch microseconds in 10 base-62 digits (good past the year 3000), then
	 * 2 random digits.
	 */
	private static final int TIME_DIGITS = 10;

	private Position() {
	}

	public static boolean isValid(String key) {
		return key != null && VALID.matcher(key).matches() && key.charAt(key.length() - 1) != '0';
	}

	/**
	 * The key of an element added at the end of its scene now; after {@code after} when
	 * given (a clock behind {@code after}'s never puts the new element before it).
	 */
	public static String atEnd(Instant now, String after) {
		long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
		StringBuilder key = new StringBuilder();
		for (int i = 0; i < TIME_DIGITS; i++) {
			key.insert(0, DIGITS.charAt((int) (micros % 62)));
			micros /= 62;
		}
		key.append(DIGITS.charAt(ThreadLocalRandom.current().nextInt(62)));
		key.append(DIGITS.charAt(1 + ThreadLocalRandom.current().nextInt(61)));
		String timeKey = key.toString();
		if (after != null && !isValid(after)) {
			throw new InvalidPosition("after", "is not a position");
		}
		if (after != null && timeKey.compareTo(after) <= 0) {
			return between(after, null);
		}
		return timeKey;
	}

	/**
	 * The key of the element at {@code index} (0-based) of a scene made all at once (an
	 * imported play): keys in index order, below any key {@link #atEnd} makes today, so
	 * later additions go after them.
	 */
	public static String ofIndex(int index) {
		if (index < 0 || index >= 62 * 62 * 62 * 62) {
			throw new IllegalArgumentException("index out of range: " + index);
		}
		StringBuilder key = new StringBuilder();
		long value = index + 1L;
		for (int i = 0; i < 4; i++) {
			key.insert(0, DIGITS.charAt((int) (value % 62)));
			value /= 62;
		}
		return "0" + key + "V";
	}

	/**
	 * A key strictly between {@code lower} and {@code upper}; {@code null} for
	 * {@code lower} means the start of the scene and for {@code upper} the end.
	 * @throws InvalidPosition when a key is not valid or {@code lower} is not below
	 * {@code upper}
	 */
	public static String between(String lower, String upper) {
		if (lower != null && !isValid(lower)) {
			throw new InvalidPosition("after", "is not a position");
		}
		if (upper != null && !isValid(upper)) {
			throw new InvalidPosition("before", "is not a position");
		}
		if (lower != null && upper != null && lower.compareTo(upper) >= 0) {
			throw new InvalidPosition("before", "must come after the 'after' position");
		}
		return midpoint(lower == null ? "" : lower, upper);
	}

	/**
	 * After David Greenspan's fractional indexing: {@code a < result < b}, where "" is
	 * the start and null the end.
	 */
	private static String midpoint(String a, String b) {
		if (b != null) {
			int common = 0;
			while (common < b.length() && (common < a.length() ? a.charAt(common) : '0') == b.charAt(common)) {
				common++;
			}
			if (common > 0) {
				return b.substring(0, common)
						+ midpoint(common < a.length() ? a.substring(common) : "", b.substring(common));
			}
		}
		int digitA = a.isEmpty() ? 0 : DIGITS.indexOf(a.charAt(0));
		int digitB = b == null ? DIGITS.length() : DIGITS.indexOf(b.charAt(0));
		if (digitB - digitA > 1) {
			return String.valueOf(DIGITS.charAt((digitA + digitB) / 2));
		}
		if (b != null && b.length() > 1) {
			return b.substring(0, 1);
		}
		return DIGITS.charAt(digitA) + midpoint(a.isEmpty() ? "" : a.substring(1), null);
	}

	/**
	 * A position a client gave is malformed, or the two do not leave room between them in
	 * that order. {@link #field()} is {@code after} (the lower bound) or {@code before}
	 * (the upper).
	 */
	public static final class InvalidPosition extends IllegalArgumentException {

		private final String field;

		private final String problem;

		InvalidPosition(String field, String problem) {
			super(field + " " + problem);
			this.field = field;
			this.problem = problem;
		}

		public String field() {
			return field;
		}

		/** What is wrong with the field, e.g. "is not a position". */
		public String problem() {
			return problem;
		}

	}

}
