package io.fountain.format;

import java.text.Normalizer;
import java.util.Locale;

/**
 * When two character names are the same character: Fountain's cues are upper case
 * whatever the name's case, and a name typed as "é" or as "e" and a combining accent is
 * the same name (Unicode NFC), though each is stored exactly as it was sent.
 * character-svc's unique index compares {@code upper(normalize(name, NFC))}, the same
 * rule in SQL.
 */
public final class CastNames {

	private CastNames() {
	}

	/** The name as compared: NFC, upper case. */
	public static String key(String name) {
		return Normalizer.normalize(name, Normalizer.Form.NFC).toUpperCase(Locale.ROOT);
	}

}
