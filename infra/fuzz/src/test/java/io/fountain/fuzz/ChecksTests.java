package io.fountain.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fountain.testing.RawHttp;

/** What any answer must be: the checks that make the findings of every request. */
class ChecksTests {

	private static final Request GET = Request.of("GET", "/scripts");

	@Test
	void aProblemWithItsOwnStatusIsFine() {
		assertThat(Checks.of(GET, answer(400, "application/problem+json", "{\"status\":400,\"title\":\"Bad\"}")))
			.isEmpty();
		assertThat(Checks.of(GET, answer(200, "application/json", "[]"))).isEmpty();
	}

	@Test
	void aServerErrorIsAFindingEvenAsAProblem() {
		assertThat(Checks.of(GET, answer(500, "application/problem+json", "{\"status\":500}")))
			.containsExactly(Finding.Kind.SERVER_ERROR);
		assertThat(Checks.of(GET, answer(503, "text/html", "<html>"))).containsExactly(Finding.Kind.SERVER_ERROR,
				Finding.Kind.NOT_PROBLEM);
	}

	@Test
	void anErrorPageOrPlainJsonIsNotAProblem() {
		assertThat(Checks.of(GET, answer(400, "text/html;charset=utf-8", "<html><body>Bad Request</body></html>")))
			.containsExactly(Finding.Kind.NOT_PROBLEM);
		assertThat(Checks.of(GET, answer(404, "application/json", "{\"status\":404,\"error\":\"Not Found\"}")))
			.containsExactly(Finding.Kind.NOT_PROBLEM);
		assertThat(Checks.of(GET, answer(406, "", ""))).containsExactly(Finding.Kind.NOT_PROBLEM);
		assertThat(Checks.of(GET, answer(400, "application/problem+json", "not json")))
			.containsExactly(Finding.Kind.NOT_PROBLEM);
	}

	@Test
	void aProblemMustCarryTheStatusOfTheAnswer() {
		assertThat(Checks.of(GET, answer(404, "application/problem+json", "{\"status\":999}")))
			.containsExactly(Finding.Kind.STATUS_DIFFERS);
	}

	@Test
	void notImplementedIsTheAnswerToAMethodHttpDoesNotDefine() {
		RawHttp.Response notImplemented = answer(501, "application/problem+json", "{\"status\":501}");

		assertThat(Checks.of(Request.of("PROPFIND", "/scripts"), notImplemented)).isEmpty();
		assertThat(Checks.of(GET, notImplemented)).containsExactly(Finding.Kind.SERVER_ERROR);
		assertThat(Checks.of(Request.of("FUZZ", "/scripts"), answer(501, "text/html", "<html>")))
			.containsExactly(Finding.Kind.NOT_PROBLEM);
	}

	@Test
	void anAnswerToHeadHasNoBodyToCheck() {
		assertThat(Checks.of(Request.of("HEAD", "/scripts"), answer(404, "", ""))).isEmpty();
	}

	private static RawHttp.Response answer(int status, String contentType, String body) {
		return new RawHttp.Response(status, contentType.isEmpty() ? Map.of() : Map.of("content-type", contentType),
				body);
	}

}
