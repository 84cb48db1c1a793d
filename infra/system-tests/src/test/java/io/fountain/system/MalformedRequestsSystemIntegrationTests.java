package io.fountain.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.fountain.local.LocalStack;

/**
 * No input makes the system answer 500, and bad input writes nothing: a generated run of
 * well over a thousand malformed requests (random JSON shapes, wrong types, huge and
 * empty strings, invalid UTF-8, control characters, path traversal, SQL and header
 * metacharacters, wrong content types) against every route, with real ids and made-up
 * ones, through the real edge. Each body is malformed by construction (at least one
 * unknown field, wrong type or broken syntax), and no request deletes a real entity, so
 * "nothing written" is exact.
 */
class MalformedRequestsSystemIntegrationTests {

	private static final int REQUESTS = 1200;

	private final Random random = new Random(20261122L);

	@Test
	void aThousandMalformedRequestsGetNo5xxAndWriteNothing() throws Exception {
		LocalStack stack = SystemUnderTest.stack();
		ServiceDatabases databases = new ServiceDatabases(stack);
		PlayThroughEdge play = PlayThroughEdge.build(
				new io.fountain.testing.Http(stack.edgeUrl(), Map.of("Authorization", "Bearer " + stack.token("ada"))),
				"Fuzzed");
		String token = stack.token("ada");
		List<String> paths = targets(play);
		Map<String, String> before = settled(databases);
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

		Map<Integer, Integer> byStatus = new LinkedHashMap<>();
		List<String> fiveHundreds = new ArrayList<>();
		List<String> leaks = new ArrayList<>();
		List<String> commandsNotRefused = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			String method = pick("POST", "PATCH", "PUT", "POST", "PATCH", "GET", "DELETE");
			String path = method.equals("DELETE") || random.nextInt(4) == 0 ? madeUpPath() : pick(paths);
			byte[] body = method.equals("GET") || method.equals("DELETE") ? new byte[0] : body();
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.edgeUrl() + path))
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", "Bearer " + token)
				.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
			String contentType = contentType();
			if (contentType != null) {
				request.header("Content-Type", contentType);
			}
			if (random.nextInt(5) == 0) {
				request.header("X-Correlation-Id", pick("'; DROP TABLE script; --", "../../etc/passwd",
						"%0d%0aSet-Cookie:x", "<script>", "a".repeat(5000)));
			}
			if (random.nextInt(6) == 0 && !method.equals("GET")) {
				request.header("Idempotency-Key",
						pick("", " ", "'; DROP TABLE idempotency_key; --", "k".repeat(300), "\u00e9t\u00e9"));
			}
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			byStatus.merge(response.statusCode(), 1, Integer::sum);
			String what = method + " " + path + " " + contentType + " "
					+ new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8) + " -> "
					+ response.statusCode() + " " + response.body();
			if (response.statusCode() >= 500) {
				fiveHundreds.add(what);
			}
			if (!method.equals("GET") && (response.statusCode() < 400 || response.statusCode() >= 500)) {
				commandsNotRefused.add(what); // a malformed command that was taken
			}
			if (response.body().matches("(?s).*(Exception|\\bat io\\.|org\\.springframework|SQLState|PSQL|jdbc:).*")) {
				leaks.add(what);
			}
		}

		System.out.println("[malformed] " + REQUESTS + " requests, answers by status: " + byStatus);
		assertThat(fiveHundreds).as("answers of 500 or more").isEmpty();
		assertThat(leaks).as("answers naming internals").isEmpty();
		assertThat(commandsNotRefused).as("malformed commands answered other than 4xx").isEmpty();
		assertThat(settled(databases)).as("nothing written to any database").isEqualTo(before);
	}

	private List<String> targets(PlayThroughEdge play) {
		List<String> paths = new ArrayList<>(play.allPaths());
		String script = "/scripts/" + play.scriptId;
		paths.addAll(List.of("/scripts", "/plays", script + "/acts", script + "/characters",
				script + "/collaborators/zed", "/acts/" + play.acts.get(0) + "/scenes",
				"/scenes/" + play.scenes.get(0) + "/actions", "/scenes/" + play.scenes.get(0) + "/dialogues",
				"/scenes/" + play.scenes.get(0) + "/transitions"));
		return paths;
	}

	private String madeUpPath() {
		return pick("/scripts/" + UUID.randomUUID(), "/acts/not-a-uuid", "/scenes/1'%20OR%20'1'='1",
				"/scripts/..%2F..%2Fetc%2Fpasswd", "/actions/%00", "/dialogues/" + "9".repeat(400),
				"/transitions/%E2%80%AE", "/scripts/%2e%2e/%2e%2e/admin", "/characters/" + UUID.randomUUID(),
				"/scripts/" + UUID.randomUUID() + "/collaborators/%0d%0a", "/scripts/%25",
				"/acts/" + UUID.randomUUID() + "/scenes");
	}

	private String contentType() {
		return pick("application/json", "application/json", "application/json", "text/plain", "application/xml",
				"multipart/form-data; boundary=x", "application/json; charset=latin1", null, "text/x-fountain",
				"application/x-www-form-urlencoded", "*/*", "application/json;;;");
	}

	/**
	 * A body that no route accepts: broken syntax, or a value of a wrong type, or a field
	 * no route knows.
	 */
	private byte[] body() {
		return switch (random.nextInt(9)) {
			case 0 -> "{\"title\": ".getBytes(StandardCharsets.UTF_8);
			case 1 -> new byte[] { '{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28,
					(byte) 0xFF, '"', '}' };
			case 2 -> ("{\"title\": " + pick("123", "true", "[]", "{}", "null", "-1e999") + ", \"ordinal\": \""
					+ pick("x", "", "1; DROP TABLE act") + "\"}")
				.getBytes(StandardCharsets.UTF_8);
			case 3 -> ("{\"title\": \"" + "x".repeat(pick(100_000, 1_000_001 / 3)) + "\", \"zz\": 1}")
				.getBytes(StandardCharsets.UTF_8);
			case 4 ->
				("{\"title\": \"\", \"text\": \"\", \"name\": \"\", \"heading\": \"\", \"" + randomKey() + "\": 1}")
					.getBytes(StandardCharsets.UTF_8);
			case 5 -> ("{\"text\": \"a\u0000b\u0007c\u202ed\", \"ordinal\": "
					+ pick("\"1\"", "1.5", "99999999999999999999", "[1]") + ", \"" + randomKey() + "\": null}")
				.getBytes(StandardCharsets.UTF_8);
			case 6 -> randomShape(0).getBytes(StandardCharsets.UTF_8);
			case 7 -> ("{\"title\": \"'; DROP TABLE script; --\", \"characterId\": \"1' OR '1'='1\", \"after\": 7, \""
					+ randomKey() + "\": {}}")
				.getBytes(StandardCharsets.UTF_8);
			default -> pick("", "null", "[]", "\"just a string\"", "<xml/>", "title=x&ordinal=1",
					"{\"a\":{\"a\":{\"a\":[[[[[[]]]]]]}}}")
				.getBytes(StandardCharsets.UTF_8);
		};
	}

	/**
	 * A random JSON value, always an object at the top with at least one field no route
	 * knows.
	 */
	private String randomShape(int depth) {
		StringBuilder json = new StringBuilder("{\"" + randomKey() + "\": " + randomValue(depth + 1));
		for (int i = random.nextInt(4); i > 0; i--) {
			json.append(", \"")
				.append(pick("title", "text", "name", "heading", "ordinal", "after", "before", "role", "characterId",
						"parentheticals", "acts", randomKey()))
				.append("\": ")
				.append(randomValue(depth + 1));
		}
		return json.append('}').toString();
	}

	private String randomValue(int depth) {
		return switch (depth > 3 ? random.nextInt(4) : random.nextInt(6)) {
			case 0 -> Integer.toString(random.nextInt());
			case 1 -> pick("true", "false", "null", "1e308", "-0");
			case 2 -> "\"" + pick("", " ", "\\u0000", "\\ud800", "x".repeat(random.nextInt(3000)), "\\n\\r\\t") + "\"";
			case 3 -> "\"" + UUID.randomUUID() + "\"";
			case 4 -> "[" + randomValue(depth + 1) + ", " + randomValue(depth + 1) + "]";
			default -> randomShape(depth);
		};
	}

	private String randomKey() {
		return "zz" + Integer.toHexString(random.nextInt());
	}

	@SafeVarargs
	private <T> T pick(T... options) {
		return options[random.nextInt(options.length)];
	}

	private <T> T pick(List<T> options) {
		return options.get(random.nextInt(options.size()));
	}

	/** What the databases hold once nothing moves: two looks alike, 0.5 s apart. */
	private static Map<String, String> settled(ServiceDatabases databases) {
		AtomicReference<Map<String, String>> last = new AtomicReference<>(Map.of());
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
			Map<String, String> now = databases.fingerprint();
			return now.equals(last.getAndSet(now));
		});
		return last.get();
	}

}
