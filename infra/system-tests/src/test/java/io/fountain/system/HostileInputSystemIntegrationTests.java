package io.fountain.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fountain.local.LocalStack;
import io.fountain.local.Service;
import io.fountain.testing.Http;
import io.fountain.testing.RawHttp;

/**
 * The defects a hostile client found (issue 16), each asked of the real edge and services
 * as that client asked it: every answer is the 4xx problem+json it should be, naming the
 * field, header or path; text is stored exactly as sent or refused; nothing internal
 * leaks. Each case failed before: a 500, an HTML page, Spring's JSON error body, an empty
 * 406, text stored changed.
 */
class HostileInputSystemIntegrationTests {

	private static LocalStack stack;

	private static Http ada;

	private static RawHttp raw;

	private static String token;

	private static UUID script;

	private static UUID scene;

	private static UUID brick;

	@BeforeAll
	static void aPlay() {
		stack = SystemUnderTest.stack();
		token = stack.token("ada");
		ada = new Http(stack.edgeUrl(), Map.of("Authorization", "Bearer " + token));
		raw = new RawHttp(URI.create(stack.edgeUrl()).getPort());
		script = PlayThroughEdge.id(ada.post("/scripts", "{\"title\": \"Hostile\"}"));
		UUID act = PlayThroughEdge.id(ada.post("/scripts/" + script + "/acts", "{}"));
		scene = PlayThroughEdge.id(ada.post("/acts/" + act + "/scenes", "{\"heading\": \"INT. ROOM - DAY\"}"));
		brick = PlayThroughEdge.id(ada.post("/scripts/" + script + "/characters", "{\"name\": \"BRICK\"}"));
	}

	@Test
	void aControlCharacterOrALoneSurrogateInAnyTextIsA400NamingTheField() {
		long scripts = scripts();
		int dialogue = dialogueIn(scene);
		assertRefused(ada.post("/scripts", "{\"title\": \"a\\u0000b\"}"), "title");
		assertRefused(ada.patch("/scripts/" + script, "{\"title\": \"a\\u0007b\"}"), "title");
		assertRefused(ada.post("/scripts/" + script + "/characters", "{\"name\": \"A\\ud800\"}"), "name");
		assertRefused(ada.post("/scenes/" + scene + "/dialogues", "{\"characterId\": \"" + brick
				+ "\", \"text\": \"Hi.\", \"parentheticals\": [{\"text\": \"be\\u0000at\", \"beforeLine\": 0}]}"),
				"parentheticals[0].text");
		assertRefused(
				ada.post("/scenes/" + scene + "/dialogues",
						"{\"characterId\": \"" + brick + "\", \"text\": \"Hi.\", \"parentheticals\": [null]}"),
				"parentheticals[0]");
		assertThat(scripts()).as("nothing written").isEqualTo(scripts);
		assertThat(dialogueIn(scene)).as("nothing written").isEqualTo(dialogue);
		assertThat(ada.get("/scripts/" + script).json().get("title").asString()).isEqualTo("Hostile");
	}

	@Test
	void aJsonPlayIsValidatedWhollyBeforeIts202() {
		assertRefused(ada.send("POST", "/plays", "{}", "application/json"), "title");
		assertRefused(ada.send("POST", "/plays", "{\"title\": null}", "application/json"), "title");
		assertRefused(
				ada.send("POST", "/plays",
						"{\"title\": \"T\", \"acts\": [{\"scenes\": [{\"heading\": "
								+ "\"INT. A\\u0000\", \"elements\": []}]}]}",
						"application/json"),
				"acts[0].scenes[0].heading");
		assertRefused(
				ada.send("POST", "/plays",
						"{\"title\": \"T\", \"acts\": [{\"scenes\": [{\"heading\": "
								+ "\"INT. A\\nEXT. B\", \"elements\": []}]}]}",
						"application/json"),
				"acts[0].scenes[0].heading");
	}

	@Test
	void bytesThatAreNotUtf8AndDuplicateFieldsAreRefusedNotReinterpreted() {
		long scripts = scripts();
		byte[] overlong = { '{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', 'a', (byte) 0xC0, (byte) 0xAF, 'b', '"',
				'}' };
		RawHttp.Response response = raw.exchange(request("POST", "/scripts", overlong));
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body()).contains("UTF-8");

		assertRefused(ada.post("/scripts", "{\"title\": \"One\", \"title\": \"Two\"}"), "title");
		assertThat(scripts()).as("nothing written").isEqualTo(scripts);
	}

	@Test
	void textIsStoredExactlyAsSentAndNamesCompareInAnyNormalizationForm() {
		String decomposed = "Rene\u0301e";
		Http.Response made = ada.post("/scripts/" + script + "/characters", "{\"name\": \"" + decomposed + "\"}");
		UUID renee = PlayThroughEdge.id(made);
		assertThat(ada.get("/characters/" + renee).json().get("name").asString()).isEqualTo(decomposed);

		Http.Response twin = ada.post("/scripts/" + script + "/characters", "{\"name\": \"REN\u00c9E\"}");
		assertThat(twin.status()).as("the same name in another normalization form: " + twin).isEqualTo(409);
		assertThat(twin.contentType()).startsWith("application/problem+json");
	}

	@Test
	void pathsHeadersAndMethodsTheFrameworkRefusesAreProblems() {
		List<String> answers = new ArrayList<>();
		String id = UUID.randomUUID().toString();
		for (String target : List.of("/scripts/%2f", "/scripts/%00", "/scripts/%5c", "/scripts/{}",
				"/scripts/" + "a".repeat(8_200), "/scripts/../scripts/" + id, "//scripts/" + id,
				"/scripts;jsessionid=1/" + id, "/scripts/" + id + "?x=%zz", "/error", "/nothing/here")) {
			answers.add(check(raw.get(target, Map.of("Authorization", "Bearer " + token)), target));
		}
		answers.add(check(raw.send("TRACE", "/scripts", Map.of("Authorization", "Bearer " + token)), "TRACE"));
		answers.add(check(raw.get("/scripts", Map.of("Authorization", "Bearer " + token, "Accept", "image/png")),
				"Accept: image/png"));
		answers.add(check(raw.send("POST", "/scripts", Map.of("Authorization", "Bearer " + token, "Idempotency-Key",
				"k".repeat(8_000), "Content-Length", "0")), "a long Idempotency-Key"));
		answers.add(check(raw.get("/scripts", Map.of("Authorization", "Bearer " + "x".repeat(9_000))),
				"an Authorization over 8 KB"));
		assertThat(answers).allMatch(answer -> answer.startsWith("4"));
		assertThat(raw.get("/error", Map.of("Authorization", "Bearer " + token)).status()).isEqualTo(404);
		assertThat(raw.get("/scripts", Map.of("Authorization", "Bearer " + token, "Accept", "image/png")).status())
			.isEqualTo(406);
	}

	@Test
	void theTreeOfAnUnknownPlayIsAProblemAndNothingInternalLeaks() {
		Http.Response tree = ada.get("/scripts/" + UUID.randomUUID() + "/tree");
		assertThat(tree.status()).isEqualTo(404);
		assertThat(tree.contentType()).startsWith("application/problem+json");

		Http.Response health = new Http(stack.edgeUrl()).get("/actuator/health");
		assertThat(health.body()).doesNotContain("http://", "/work", "diskSpace");
		Http.Response forged = new Http(stack.edgeUrl(), Map.of("Authorization", "Bearer a.b.c")).get("/scripts");
		assertThat(forged.status()).isEqualTo(401);
		assertThat(forged.header("WWW-Authenticate"))
			.isEqualTo("Bearer error=\"invalid_token\", error_description=\"The token was refused\"");
	}

	@Test
	void aParentheticalMadeThroughTheApiIsExportedInParenthesesAndReadBackTheSame() {
		Http.Response refused = ada.post("/scenes/" + scene + "/dialogues", "{\"characterId\": \"" + brick
				+ "\", \"text\": \"Hi.\", \"parentheticals\": [{\"text\": \"(quietly)\", \"beforeLine\": 0}]}");
		assertRefused(refused, "parentheticals[0].text");
		PlayThroughEdge.id(ada.post("/scenes/" + scene + "/dialogues", "{\"characterId\": \"" + brick
				+ "\", \"text\": \"Hi.\", \"parentheticals\": [{\"text\": \"quietly\", \"beforeLine\": 0}]}"));

		Http.Response export = ada.withHeaders(Map.of("Accept", "text/x-fountain")).get("/scripts/" + script);

		assertThat(export.status()).as(export.toString()).isEqualTo(200);
		assertThat(export.body()).contains("BRICK\n(quietly)\nHi.");
	}

	private static String check(RawHttp.Response response, String what) {
		assertThat(response.contentType()).as(what + ": " + response).startsWith("application/problem+json");
		assertThat(response.json().get("status").asInt()).as(what).isEqualTo(response.status());
		assertThat(response.body()).as(what).doesNotContain("<html", "Tomcat", "Exception", "\"status\":999");
		return response.status() + " " + what;
	}

	private static void assertRefused(Http.Response response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").findValuesAsString("field")).as(response.toString()).contains(field);
	}

	private static long scripts() {
		return ada.get("/scripts").json().get("total").asLong();
	}

	private static int dialogueIn(UUID scene) {
		return new ServiceDatabases(stack).queryInt(Service.DIALOGUE,
				"SELECT count(*) FROM dialogue WHERE scene_id = '" + scene + "'");
	}

	private static byte[] request(String method, String path, byte[] body) {
		byte[] head = (method + " " + path
				+ " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer " + token
				+ "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		byte[] request = new byte[head.length + body.length];
		System.arraycopy(head, 0, request, 0, head.length);
		System.arraycopy(body, 0, request, head.length, body.length);
		return request;
	}

}
