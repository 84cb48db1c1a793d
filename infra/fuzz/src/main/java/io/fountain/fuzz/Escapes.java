package io.fountain.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding for valid paths and queries, and a readable, escaped form of any bytes
 * for the log.
 */
final class Escapes {

	private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

	private Escapes() {
	}

	/** A path segment: every byte but the unreserved percent-encoded. */
	static String pathSegment(String value) {
		return percent(value, "");
	}

	/** A query parameter's name or value, sub-delimiters that are safe there kept. */
	static String queryPart(String value) {
		return percent(value, ":@!$'()*,");
	}

	private static String percent(String value, String alsoKept) {
		StringBuilder out = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if (UNRESERVED.indexOf(c) >= 0 || alsoKept.indexOf(c) >= 0) {
				out.append(c);
			}
			else {
				out.append('%').append(String.format("%02X", b & 0xff));
			}
		}
		return out.toString();
	}

	/**
	 * Bytes as one line a reader can follow: printable ASCII as is, any other byte as
	 * {@code \xHH}, and a run of one byte longer than 32 as {@code <64 x 'a'>}, so that a
	 * 1 MB body reads as a line.
	 */
	static String readable(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < bytes.length;) {
			int run = run(bytes, i);
			if (run > 32) {
				out.append('<').append(run).append(" x '").append(readable(bytes[i])).append("'>");
				i += run;
			}
			else {
				out.append(readable(bytes[i]));
				i++;
			}
		}
		return out.toString();
	}

	static String readable(String latin1) {
		return readable(latin1.getBytes(StandardCharsets.ISO_8859_1));
	}

	/** How many times the byte at {@code from} repeats from there. */
	static int run(byte[] bytes, int from) {
		int end = from;
		while (end < bytes.length && bytes[end] == bytes[from]) {
			end++;
		}
		return end - from;
	}

	private static String readable(byte b) {
		int c = b & 0xff;
		return c >= 0x20 && c < 0x7f && c != '\\' ? String.valueOf((char) c) : String.format("\\x%02X", c);
	}

}
