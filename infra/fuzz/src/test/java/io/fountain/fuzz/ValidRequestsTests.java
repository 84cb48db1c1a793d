package io.fountain.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The valid request of each operation, derived from the document: what the mutations
 * start from must pass.
 */
class ValidRequestsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void everyMethodPathAndMediaTypeIsAnOperation() {
		assertThat(SampleApi.operations()).extracting(Operation::name)
			.containsExactlyInAnyOrder("GET /scripts", "POST /scripts (application/json)", "GET /scripts/{id}",
					"PATCH /scripts/{id} (application/json)", "DELETE /scripts/{id}",
					"POST /scripts/{scriptId}/acts (application/json)",
					"POST /scenes/{sceneId}/dialogues (application/json)", "GET /scripts/{id}/collaborators",
					"PUT /scripts/{id}/collaborators/{userId} (application/json)",
					"DELETE /scripts/{id}/collaborators/{userId}", "POST /plays (application/json)",
					"POST /plays (text/x-fountain)", "GET /scripts/{scriptId}/tree");
	}

	@Test
	void aPathParameterNamesTheEntityOfTheSegmentBeforeIt() {
		Operation collaborator = SampleApi.operation("PUT /scripts/{id}/collaborators/{userId} (application/json)");

		assertThat(collaborator.kindOf("id")).hasValue("script");
		assertThat(collaborator.kindOf("userId")).hasValue("collaborator");
		assertThat(collaborator.in("path")).extracting(ApiDocument.Parameter::name).containsExactly("id", "userId");
		assertThat(SampleApi.operation("POST /scenes/{sceneId}/dialogues (application/json)").kindOf("sceneId"))
			.hasValue("scene");
	}

	@Test
	void aCreationHasItsRequiredPropertiesWithinTheirBoundsAndAToken() {
		Request request = SampleApi.valid("POST /scripts (application/json)").request();

		assertThat(body(request)).isEqualTo(JSON.readTree("{\"title\":\"FUZZ 7\"}"));
		assertThat(request.target()).isEqualTo("/scripts");
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + SampleApi.TOKEN);
	}

	@Test
	void idsInThePathAndTheBodyAreThoseOfThePlay() {
		Request request = SampleApi.valid("POST /scenes/{sceneId}/dialogues (application/json)").request();

		assertThat(request.target()).isEqualTo("/scenes/" + SampleApi.PLAY.get("scene") + "/dialogues");
		assertThat(body(request).get("characterId").asString()).isEqualTo(SampleApi.PLAY.get("character"));
		assertThat(body(request).get("text").asString()).isEqualTo("FUZZ 7");
		assertThat(body(request).has("parentheticals")).as("optional: left out").isFalse();
	}

	@Test
	void anObjectWithNothingRequiredGetsAPlainTextPropertyMatchingItsPattern() {
		assertThat(body(SampleApi.valid("POST /scripts/{scriptId}/acts (application/json)").request()))
			.isEqualTo(JSON.readTree("{\"title\":\"FUZZ 7\"}"));
		assertThat(body(SampleApi.valid("PATCH /scripts/{id} (application/json)").request()))
			.isEqualTo(JSON.readTree("{\"title\":\"FUZZ 7\"}"));
	}

	@Test
	void aPatternOfAlternativesGivesTheFirst() {
		ValidRequests.Valid valid = SampleApi.valid("PUT /scripts/{id}/collaborators/{userId} (application/json)");

		assertThat(body(valid.request())).isEqualTo(JSON.readTree("{\"role\":\"editor\"}"));
		assertThat(valid.request().path())
			.isEqualTo("/scripts/" + SampleApi.PLAY.get("script") + "/collaborators/fuzz-friend");
	}

	@Test
	void queryParametersTakeTheirDefaults() {
		assertThat(SampleApi.valid("GET /scripts").request().target()).isEqualTo("/scripts?page=0&size=20");
	}

	@Test
	void aFountainBodyIsASmallPlay() {
		Request request = SampleApi.valid("POST /plays (text/x-fountain)").request();

		assertThat(request.header("Content-Type")).isEqualTo("text/x-fountain");
		assertThat(new String(request.body(), StandardCharsets.UTF_8)).startsWith("Title: FUZZ 7\n\nINT. ROOM 7 - DAY");
	}

	@Test
	void theWireFormHasTheLengthOfTheBodyAndClosesTheConnection() {
		Request request = SampleApi.valid("POST /scripts (application/json)").request();

		String wire = new String(request.wire(8080), StandardCharsets.ISO_8859_1);

		assertThat(wire).startsWith("POST /scripts HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n")
			.contains("\r\nConnection: close\r\nContent-Length: 18\r\n\r\n{\"title\":\"FUZZ 7\"}");
	}

	private static JsonNode body(Request request) {
		return JSON.readTree(request.body());
	}

}
