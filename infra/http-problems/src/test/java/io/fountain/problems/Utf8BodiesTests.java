package io.fountain.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * What {@link Utf8Bodies} lets a controller read: well-formed UTF-8, byte for byte, and
 * nothing after it is not.
 */
class Utf8BodiesTests {

	@Test
	void wellFormedUtf8PassesByteForByteInAnyChunks() throws IOException {
		byte[] text = "Title: Jose\u0301 / Jos\u00e9 \u20ac \ud83c\udfad \uffff\n".getBytes(StandardCharsets.UTF_8);

		assertThat(checked(text).readAllBytes()).isEqualTo(text);
		InputStream oneByOne = checked(text);
		for (byte b : text) {
			assertThat(oneByOne.read()).isEqualTo(b & 0xFF);
		}
		assertThat(oneByOne.read()).isEqualTo(-1);
	}

	@Test
	void overlongSurrogateTooLargeStrayAndTruncatedSequencesAreRefusedWithWhereTheyStart() {
		assertRefused(bytes("ab", 0xC0, 0xAF), 1, 3); // "/" in two bytes
		assertRefused(bytes("a", 0xE0, 0x80, 0xAF), 1, 3); // "/" in three
		assertRefused(bytes("a", 0xF0, 0x80, 0x80, 0xAF), 1, 3); // and in four
		assertRefused(bytes("a", 0xED, 0xA0, 0x80), 1, 3); // U+D800, a surrogate
		assertRefused(bytes("a", 0xF4, 0x90, 0x80, 0x80), 1, 3); // U+110000
		assertRefused(bytes("a\nb\n", 0xFF), 3, 5);
		assertRefused(bytes("a", 0x80), 1, 2); // a continuation with nothing to continue
		assertRefused(bytes("a", 0xC3, 0x28), 1, 3); // a sequence cut short by ASCII
		assertRefused(bytes("a", 0xE2, 0x82), 1, 4); // and by the end of the body
	}

	@Test
	void theBytesBeforeTheFirstInvalidOneAreReadThenItFails() throws IOException {
		InputStream in = checked(bytes("{\"a\":\"x", 0xC0, 0xAF, "\"}"));
		byte[] buffer = new byte[64];

		assertThat(in.read(buffer, 0, buffer.length)).isEqualTo(7);
		assertThatThrownBy(() -> in.read(buffer, 0, buffer.length)).isInstanceOf(Utf8Bodies.NotUtf8.class);
		assertThatThrownBy(() -> in.read(buffer, 0, buffer.length)).as("and again")
			.isInstanceOf(Utf8Bodies.NotUtf8.class);
	}

	private static void assertRefused(byte[] body, int line, int offset) {
		assertThatThrownBy(() -> checked(body).readAllBytes()).isInstanceOf(Utf8Bodies.NotUtf8.class)
			.hasMessage("is not valid UTF-8 at line " + line + " (byte " + offset + "): send the body in UTF-8");
	}

	private static InputStream checked(byte[] body) {
		return new Utf8Bodies.Utf8Check(new ByteArrayInputStream(body));
	}

	/** ASCII strings and single bytes, in order. */
	private static byte[] bytes(Object... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Object part : parts) {
			if (part instanceof String text) {
				out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
			}
			else {
				out.write((Integer) part);
			}
		}
		return out.toByteArray();
	}

}
