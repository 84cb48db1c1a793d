package io.fountain.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.fountain.testing.RawHttp;

/**
 * What a hostile or careless client gets from the layers below the controllers (Tomcat,
 * Spring MVC's dispatch, the error page): problem+json with the status it names, never
 * Tomcat's HTML page, Spring Boot's JSON error body or an empty 406. Requests go out over
 * a plain socket, exactly as written (an HTTP client would normalize most of them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContainerErrorsIntegrationTests {

	@LocalServerPort
	int port;

	private RawHttp raw() {
		return new RawHttp(port);
	}

	@Test
	void pathsTomcatRefusesBeforeAnyServletAreProblems() {
		for (String path : new String[] { "/things/%2f", "/things/%00", "/things/%5c", "/things/{}",
				"/things/" + "a".repeat(9_000) }) {
			RawHttp.Response response = raw().get(path, Map.of());
			assertProblem(response, path);
			assertThat(response.status()).as(path).isBetween(400, 414);
			assertThat(response.body()).as(path).doesNotContain("Tomcat", "<html", "Exception");
		}
	}

	@Test
	void pathsThatResolveElsewhereOrNowhereAreAnsweredAsProblemsOrServed() {
		assertProblem(raw().get("/nothing", Map.of()), 404);
		// The path parameter goes before mapping: /things/x, whose id is no UUID.
		RawHttp.Response parameter = raw().get("/things;jsessionid=1/x", Map.of());
		assertProblem(parameter, 400);
		assertThat(parameter.json().at("/errors/0/field").asString()).isEqualTo("id");
		// A dot segment: Spring MVC maps the path as sent, where nothing is.
		assertProblem(raw().get("/other/../things", Map.of()), 404);
		assertThat(raw().get("/things;jsessionid=1", Map.of()).status()).isEqualTo(200);
	}

	@Test
	void anIdIsReadOnlyInItsCanonicalFormSoOneThingHasOneAddress() {
		String id = "0f8fad5b-d9cb-469f-a165-70867728950e";
		RawHttp.Response canonical = raw().get("/things/" + id, Map.of());
		assertThat(canonical.status()).isEqualTo(200);
		assertThat(canonical.json().at("/id").asString()).isEqualTo(id);
		assertThat(raw().get("/things/" + id.toUpperCase(Locale.ROOT), Map.of()).status()).isEqualTo(200);

		// Spring trims a UUID and Java reads short groups: each of these found the same
		// thing, or another.
		for (String path : new String[] { "/things/" + id + "%20", "/things/%20" + id, "/things/" + id + "%09",
				"/things/1-1-1-1-1", "/things/" + id.replace("-", "") }) {
			RawHttp.Response response = raw().get(path, Map.of());
			assertProblem(response, 400);
			assertThat(response.json().at("/errors/0/field").asString()).as(path).isEqualTo("id");
			assertThat(response.json().at("/errors/0/message").asString()).as(path).contains("UUID");
		}
	}

	@Test
	void theErrorPageAskedForByItsPathIsA404LikeAnyUnknownPath() {
		RawHttp.Response response = raw().get("/error", Map.of());

		assertProblem(response, 404);
		assertThat(response.body()).doesNotContain("999");
	}

	@Test
	void aMethodTheRouteDoesNotTakeIsA405AndTraceIsRefused() {
		assertProblem(raw().send("DELETE", "/things", Map.of()), 405);
		RawHttp.Response trace = raw().send("TRACE", "/things", Map.of());
		assertProblem(trace, trace.status());
		assertThat(trace.status()).isIn(400, 405);
	}

	@Test
	void anAcceptTheRouteCannotAnswerIsA406ThatSaysWhatItCanAnswer() {
		RawHttp.Response response = raw().get("/things", Map.of("Accept", "image/png"));

		assertProblem(response, 406);
		assertThat(response.json().get("detail").asString()).contains("application/json");
	}

	@Test
	void aQueryStringThatCannotBeDecodedIsA400NamingTheQuery() {
		for (String query : new String[] { "?name=%zz", "?name=%", "?name=%C0%AF" }) {
			RawHttp.Response response = raw().get("/things" + query, Map.of());
			assertProblem(response, 400);
		}
		RawHttp.Response malformed = raw().get("/things?name=%zz", Map.of());
		assertProblem(malformed, 400);
		assertThat(malformed.body()).contains("query");
	}

	/**
	 * A command whose answer the client would refuse is refused before it runs, not after
	 * it has changed things.
	 */
	@Test
	void aCommandWhoseAnswerTheClientWouldNotAcceptIsA406BeforeItRuns() {
		ProblemsTestApplication.Things.created.set(0);
		for (String accept : new String[] { "application/xml", "fuzz", "*/", "application/json;q=0" }) {
			RawHttp.Response response = raw().exchange(request("POST", "/things", accept, "{\"name\": \"x\"}"));
			assertProblem(response, 406);
			assertThat(response.json().at("/errors/0/field").asString()).as(accept).isEqualTo("Accept");
		}
		assertThat(ProblemsTestApplication.Things.created).as("nothing ran").hasValue(0);
		RawHttp.Response taken = raw()
			.exchange(request("POST", "/things", "text/html, */*;q=0.1", "{\"name\": \"x\"}"));
		assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
		assertThat(ProblemsTestApplication.Things.created).hasValue(1);
	}

	@Test
	void aProblemFromTheErrorPageNamesTheRequestNotTheErrorPage() {
		RawHttp.Response trace = raw().send("TRACE", "/things", Map.of());

		assertThat(trace.body()).doesNotContain("\"instance\":\"/error\"");
	}

	@Test
	void headersOverTheLimitAreAProblem() {
		RawHttp.Response response = raw().get("/things", Map.of("X-Big", "b".repeat(20_000)));

		assertProblem(response, response.status());
		assertThat(response.status()).isIn(400, 431);
	}

	@Test
	void aBodyThatIsNotUtf8IsA400NamingWhere() {
		byte[] head = ("POST /things HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
				+ "Content-Type: application/json\r\nContent-Length: 16\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		byte[] body = { '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', 'a', (byte) 0xC0, (byte) 0xAF, 'b', '"', '}',
				' ' };
		byte[] request = new byte[head.length + body.length];
		System.arraycopy(head, 0, request, 0, head.length);
		System.arraycopy(body, 0, request, head.length, body.length);

		RawHttp.Response response = raw().exchange(request);

		assertProblem(response, 400);
		assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("name");
		assertThat(response.json().at("/errors/0/message").asString()).contains("not valid UTF-8");
	}

	private static byte[] request(String method, String path, String accept, String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		byte[] head = (method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAccept: " + accept
				+ "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		byte[] request = new byte[head.length + body.length];
		System.arraycopy(head, 0, request, 0, head.length);
		System.arraycopy(body, 0, request, head.length, body.length);
		return request;
	}

	private static void assertProblem(RawHttp.Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertProblem(response, "status " + status);
	}

	private static void assertProblem(RawHttp.Response response, String what) {
		assertThat(response.contentType()).as(what + ": " + response).startsWith("application/problem+json");
		assertThat(response.json().get("status").asInt()).as(what).isEqualTo(response.status());
		assertThat(response.json().get("title").asString()).as(what).isNotBlank();
	}

}
