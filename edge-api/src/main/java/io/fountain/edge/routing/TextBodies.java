package io.fountain.edge.routing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Text that reaches the services is in Unicode NFC: "é" typed as one code point or as "e" and a combining accent is
 * the same title, the same character name (unique per script), the same search. Only bodies that are text (JSON,
 * Fountain, plain text) and valid UTF-8: anything else goes on untouched, for the service to refuse with a 400 that
 * names what is wrong.
 */
final class TextBodies {

	private TextBodies() {
	}

	static byte[] nfc(byte[] body, String contentType) {
		if (body.length == 0 || contentType == null || !isText(contentType.toLowerCase(java.util.Locale.ROOT))) {
			return body;
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException notUtf8) {
			return body;
		}
		if (Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
			return body;
		}
		ByteBuffer out = StandardCharsets.UTF_8.encode(CharBuffer.wrap(Normalizer.normalize(text, Normalizer.Form.NFC)));
		byte[] normalized = new byte[out.remaining()];
		out.get(normalized);
		return normalized;
	}

	private static boolean isText(String contentType) {
		return contentType.startsWith("application/json") || contentType.startsWith("application/merge-patch+json")
				|| contentType.startsWith("text/");
	}
}
