package io.fountain.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * A finding's line sends the request again byte for byte: the shell commands it is made
 * of are run here with bash, and what they write compared with what the fuzz sent.
 */
class ReproductionTests {

	@Test
	void aBodyIsWrittenByteForByteAndALongOneInAShortLine() throws Exception {
		List<byte[]> bodies = List.of(bytes("{\"title\":\"it's 100% \\\\ \\\"so\\\"\"}"),
				HexFormat.of().parseHex("7b227469746c65223a2246555a5ac0af00ffed a080227d".replace(" ", "")),
				bytes("{\"text\":\"" + "a".repeat(Mutations.LONG) + "\"}"),
				bytes("{\"a\":".repeat(Mutations.DEEP) + "1" + "}".repeat(Mutations.DEEP)),
				bytes("[".repeat(Mutations.DEEP) + "]".repeat(Mutations.DEEP)), new byte[0]);
		for (byte[] body : bodies) {
			String command = Reproduction.bytes(body);

			assertThat(command.length()).as("a line to read").isLessThan(400);
			assertThat(bash(command, "")).isEqualTo(body);
		}
	}

	@Test
	void aRequestCurlCanSendIsACurlLineWithTheTokenAsT() {
		Request request = SampleApi.valid("POST /scripts (application/json)")
			.request()
			.withHeader("Idempotency-Key", "k".repeat(8000));

		String line = Reproduction.of(request, SampleApi.TOKEN);

		assertThat(line)
			.startsWith("printf '{\"title\":\"FUZZ 7\"}' | curl -sS -g --path-as-is -X 'POST' \"$E\"'/scripts'")
			.contains(" -H 'Authorization: Bearer '\"$T\" -H", " -H 'Content-Type: application/json'",
					" -H 'Idempotency-Key: '\"$(head -c 8000 /dev/zero | tr '\\0' '\\153')\"", " --data-binary @-")
			.doesNotContain(SampleApi.TOKEN)
			.hasSizeLessThan(400);
	}

	@Test
	void aRequestCurlWouldChangeIsWrittenWholeForNetcat() throws Exception {
		Request request = SampleApi.valid("GET /scripts")
			.request()
			.plusHeader("X-Fuzz", "a\r\n b")
			.withHeader("Authorization", "Bearer \u0000" + SampleApi.TOKEN);

		String line = Reproduction.of(request, SampleApi.TOKEN);

		assertThat(line).endsWith(" | nc localhost 8080   # the edge of ./infra/run-local").doesNotContain("curl");
		String command = line.substring(0, line.indexOf(" | nc "));
		String expected = new String(request.wire(8080), StandardCharsets.ISO_8859_1).replace("Host: 127.0.0.1:8080",
				"Host: localhost");
		assertThat(bash(command, SampleApi.TOKEN)).isEqualTo(expected.getBytes(StandardCharsets.ISO_8859_1));
	}

	@Test
	void everyMutatedRequestOfTheCatalogueIsReproducedExactly() throws Exception {
		Random random = new Random(3);
		for (Fuzzer.Case each : Fuzzer.cases(SampleApi.operations(), Mutations.all())) {
			Request request = each.mutation().apply(SampleApi.valid(each.operation().name()), random).request();
			String line = Reproduction.of(request, SampleApi.TOKEN);
			if (request.body() != null && request.body().length > 0 && line.contains("| curl ")) {
				assertThat(bash(line.substring(0, line.indexOf(" | curl ")), "")).as(each.toString())
					.isEqualTo(request.body());
			}
			else if (line.contains("| nc ")) {
				assertThat(new String(bash(line.substring(0, line.indexOf(" | nc ")), SampleApi.TOKEN),
						StandardCharsets.ISO_8859_1))
					.as(each.toString())
					.isEqualTo(new String(request.wire(8080), StandardCharsets.ISO_8859_1)
						.replace("Host: 127.0.0.1:8080", "Host: localhost"));
			}
		}
	}

	/** What the command writes, run by bash with {@code T} set. */
	private static byte[] bash(String command, String token) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder("bash", "-c", command)
			.redirectError(ProcessBuilder.Redirect.INHERIT);
		builder.environment().put("T", token);
		Process process = builder.start();
		byte[] out = process.getInputStream().readAllBytes();
		assertThat(process.waitFor()).as(command).isZero();
		return out;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
