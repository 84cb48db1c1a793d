package io.fountain.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A request as one shell line that sends it again, byte for byte: {@code curl} with
 * {@code $E} for the edge's address and {@code $T} for the bearer token, the body piped
 * in from {@code printf} (a long run of one byte from {@code head} and {@code tr}, a
 * repeated sequence from {@code printf} and {@code seq}, so that a 1 MB body is a short
 * line). A request curl cannot send as it is (a NUL or a line break in a header, a header
 * name with a space, a target curl would not take) is written whole with {@code printf}
 * and sent with {@code nc} instead.
 */
final class Reproduction {

	/**
	 * Where the token goes in a request written whole: bytes no request of the fuzz has
	 * (printf's %s then).
	 */
	private static final String TOKEN = "\u0001\u0002T\u0002\u0001";

	private static final String TOKEN_IN_FORMAT = "\\001\\002T\\002\\001";

	/** Shorter runs stay literal: the line is easier to read. */
	private static final int MIN_RUN = 48;

	private Reproduction() {
	}

	/**
	 * @param token the run's bearer token, shown as {@code $T}
	 */
	static String of(Request request, String token) {
		return curlCan(request) ? curl(request, token) : netcat(request, token);
	}

	private static String curl(Request request, String token) {
		StringBuilder line = new StringBuilder();
		byte[] body = request.body();
		if (body != null && body.length > 0) {
			line.append(bytes(body)).append(" | ");
		}
		line.append("curl -sS -g --path-as-is -X ")
			.append(quote(request.method()))
			.append(" \"$E\"")
			.append(quote(request.target()));
		boolean contentType = false;
		for (Request.Header header : request.headers()) {
			contentType |= header.name().equalsIgnoreCase("Content-Type");
			line.append(" -H ").append(headerArgument(header, token));
		}
		if (body != null) {
			if (!contentType) {
				line.append(" -H 'Content-Type:'"); // curl would add its own
			}
			line.append(" -H 'Expect:'").append(body.length == 0 ? " --data-binary ''" : " --data-binary @-");
		}
		return line.toString();
	}

	private static String netcat(Request request, String token) {
		String raw = new String(request.wire(8080), StandardCharsets.ISO_8859_1).replace("Host: 127.0.0.1:8080",
				"Host: localhost");
		if (!token.isEmpty()) {
			raw = raw.replace(token, TOKEN);
		}
		return bytes(raw.getBytes(StandardCharsets.ISO_8859_1))
				+ " | nc localhost 8080   # the edge of ./infra/run-local";
	}

	/**
	 * Whether curl sends the request as it is: a method, a target and headers it neither
	 * refuses nor changes.
	 */
	private static boolean curlCan(Request request) {
		if (!printable(request.target()) || request.target().startsWith("\\") || !token(request.method())) {
			return false;
		}
		for (Request.Header header : request.headers()) {
			if (!token(header.name()) || !headerValueOk(header.value())) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A header for curl's -H: the token as {@code $T}, the longest run of one byte from
	 * {@code head | tr}.
	 */
	private static String headerArgument(Request.Header header, String token) {
		String line = header.name() + ": " + header.value();
		if (header.value().isEmpty()) {
			return quote(header.name() + ";"); // curl's way to send a header with no
												// value
		}
		if (!token.isEmpty() && line.contains(token)) {
			return Arrays.stream(line.split(Pattern.quote(token), -1))
				.map(piece -> piece.isEmpty() ? "" : quote(piece))
				.collect(Collectors.joining("\"$T\""));
		}
		byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
		int longest = 0;
		int at = 0;
		for (int i = 0; i < bytes.length; i += Escapes.run(bytes, i)) {
			if (Escapes.run(bytes, i) > longest) {
				longest = Escapes.run(bytes, i);
				at = i;
			}
		}
		if (longest < MIN_RUN) {
			return quote(line);
		}
		String tail = line.substring(at + longest);
		return quote(line.substring(0, at)) + "\"$(head -c " + longest + " /dev/zero | tr '\\0' '" + octal(bytes[at])
				+ "')\"" + (tail.isEmpty() ? "" : quote(tail));
	}

	/**
	 * Bytes as a shell command writing them: {@code printf} for the literal parts,
	 * {@code head | tr} for runs of one byte and {@code printf ... $(seq N)} for a short
	 * sequence repeated. The token's place holder becomes {@code "$T"}.
	 */
	static String bytes(byte[] bytes) {
		List<String> commands = new ArrayList<>();
		ByteArrayOutputStream literal = new ByteArrayOutputStream();
		int i = 0;
		while (i < bytes.length) {
			int[] repeat = repeat(bytes, i);
			if (repeat == null) {
				literal.write(bytes[i]);
				i++;
				continue;
			}
			if (literal.size() > 0) {
				commands.add(printf(literal.toByteArray()));
				literal.reset();
			}
			int unit = repeat[0];
			int count = repeat[1];
			if (unit == 1) {
				commands.add("head -c " + count + " /dev/zero | tr '\\0' '" + octal(bytes[i]) + "'");
			}
			else {
				byte[] sequence = new byte[unit];
				System.arraycopy(bytes, i, sequence, 0, unit);
				commands.add("printf '" + format(sequence) + "%.0s' $(seq " + count + ")");
			}
			i += unit * count;
		}
		if (literal.size() > 0 || commands.isEmpty()) {
			commands.add(printf(literal.toByteArray()));
		}
		return commands.size() == 1 ? commands.getFirst() : "{ " + String.join("; ", commands) + "; }";
	}

	/**
	 * The repeated sequence at {@code from}: {@code {length, times}} for the one of 1 to
	 * 8 bytes that covers the most, at least {@link #MIN_RUN} bytes; {@code null} when
	 * there is none.
	 */
	private static int[] repeat(byte[] bytes, int from) {
		int[] best = null;
		for (int unit = 1; unit <= 8 && from + unit <= bytes.length; unit++) {
			int times = 1;
			while (from + (times + 1) * unit <= bytes.length && same(bytes, from, from + times * unit, unit)) {
				times++;
			}
			if (times * unit >= MIN_RUN && times >= 8 && (best == null || times * unit > best[0] * best[1])) {
				best = new int[] { unit, times };
			}
		}
		return best;
	}

	private static boolean same(byte[] bytes, int a, int b, int length) {
		for (int k = 0; k < length; k++) {
			if (bytes[a + k] != bytes[b + k]) {
				return false;
			}
		}
		return true;
	}

	private static String printf(byte[] literal) {
		String format = format(literal);
		int tokens = (format.length() - format.replace(TOKEN_IN_FORMAT, "").length()) / TOKEN_IN_FORMAT.length();
		return "printf '" + format.replace(TOKEN_IN_FORMAT, "%s") + "'" + " \"$T\"".repeat(tokens);
	}

	/**
	 * A printf format writing the bytes: printable ASCII as is, {@code %} doubled,
	 * anything else in octal.
	 */
	private static String format(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		for (byte b : bytes) {
			int c = b & 0xff;
			if (c == '%') {
				out.append("%%");
			}
			else if (c >= 0x20 && c < 0x7f && c != '\'' && c != '\\') {
				out.append((char) c);
			}
			else {
				out.append(octal(b));
			}
		}
		return out.toString();
	}

	private static String octal(byte b) {
		return String.format("\\%03o", b & 0xff);
	}

	/**
	 * The text in single quotes for the shell, or in {@code $'...'} with escapes when it
	 * has other bytes.
	 */
	static String quote(String latin1) {
		if (printable(latin1)) {
			return "'" + latin1.replace("'", "'\\''") + "'";
		}
		StringBuilder out = new StringBuilder("$'");
		for (char c : latin1.toCharArray()) {
			if (c >= 0x20 && c < 0x7f && c != '\'' && c != '\\') {
				out.append(c);
			}
			else {
				out.append(String.format("\\x%02x", c & 0xff));
			}
		}
		return out.append('\'').toString();
	}

	private static boolean printable(String text) {
		return text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
	}

	/** An HTTP token (a method, a header name): what curl sends unchanged. */
	private static boolean token(String text) {
		return !text.isEmpty()
				&& text.chars().allMatch(c -> c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0);
	}

	private static boolean headerValueOk(String value) {
		return value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c != 0x7f && c <= 0xff));
	}

}
