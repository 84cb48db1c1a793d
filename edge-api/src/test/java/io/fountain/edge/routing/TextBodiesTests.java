package io.fountain.edge.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TextBodiesTests {

	@Test
	void decomposedTextIsComposedSoThatTheSameNameIsTheSameName() {
		byte[] decomposed = "{\"name\": \"Rene\u0301e\"}".getBytes(StandardCharsets.UTF_8);

		byte[] normalized = TextBodies.nfc(decomposed, "application/json");

		assertThat(new String(normalized, StandardCharsets.UTF_8)).isEqualTo("{\"name\": \"Ren\u00e9e\"}");
		assertThat(TextBodies.nfc("INT. CAF\u0045\u0301 - DAY".getBytes(StandardCharsets.UTF_8), "text/x-fountain"))
			.isEqualTo("INT. CAF\u00c9 - DAY".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void invalidUtf8AndBodiesThatAreNotTextGoOnUntouchedForTheServiceToRefuse() {
		byte[] invalid = { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };
		byte[] decomposed = "e\u0301".getBytes(StandardCharsets.UTF_8);

		assertThat(TextBodies.nfc(invalid, "application/json")).isSameAs(invalid);
		assertThat(TextBodies.nfc(decomposed, "application/octet-stream")).isSameAs(decomposed);
		assertThat(TextBodies.nfc(decomposed, null)).isSameAs(decomposed);
	}
}
