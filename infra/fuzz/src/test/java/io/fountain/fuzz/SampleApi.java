package io.fountain.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Object mother: a part of the API's OpenAPI document as springdoc and the edge write it
 * (src/test/resources), the ids of a play, and the valid requests the fuzz derives from
 * them.
 */
final class SampleApi {

	static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmdXp6In0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";

	static final Map<String, String> PLAY = Map.of("script", "11111111-1111-1111-1111-111111111111", "scene",
			"33333333-3333-3333-3333-333333333333", "character", "44444444-4444-4444-4444-444444444444", "collaborator",
			"fuzz-friend");

	static final Values.Ids IDS = kind -> Optional.ofNullable(PLAY.get(kind));

	private SampleApi() {
	}

	static ApiDocument document() {
		try (InputStream in = SampleApi.class.getResourceAsStream("/api-docs.json")) {
			return new ApiDocument(JsonMapper.builder().build().readTree(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Operation> operations() {
		return document().operations();
	}

	/**
	 * The operation by its name in the report: {@code POST /scripts (application/json)}.
	 */
	static Operation operation(String name) {
		return operations().stream()
			.filter(op -> op.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no operation " + name + " in " + operations()));
	}

	static ValidRequests.Valid valid(String name) {
		Operation operation = operation(name);
		return new ValidRequests(TOKEN).build(operation, document().methodsOf(operation.template()), IDS, 7);
	}

}
