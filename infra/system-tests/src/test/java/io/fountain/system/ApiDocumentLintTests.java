package io.fountain.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The checked-in API document ({@code edge-api/openapi.json}, what the edge serves: see
 * {@link ApiDocumentSystemIntegrationTests}) as a client team's tools see it: no error
 * from OpenAPI Generator's validation, and every operation named, summarized, tagged and
 * answered.
 */
class ApiDocumentLintTests {

	private static final Path DOCUMENT = Path.of(System.getProperty("fountain.repo", "../.."), "edge-api",
			"openapi.json");

	@Test
	void theApiDocumentHasNoErrorForClientGenerators() {
		ApiDocumentLint lint = ApiDocumentLint.of(DOCUMENT);
		lint.warnings.forEach(warning -> System.out.println("warning: " + warning));
		assertThat(lint.errors).as("errors in " + DOCUMENT).isEmpty();
	}

	@Test
	void operationsAreNamedForWhatTheyDo() {
		assertThat(ApiDocumentLint.of(DOCUMENT).operationIds())
			.contains("createScript", "getScript", "createAct", "listScenesOfAct", "deleteCharacter", "createPlay",
					"getPlayStatus", "getPlayTree")
			.doesNotHaveDuplicates();
	}

	@Test
	void theLintFindsWhatClientGeneratorsRefused() {
		ApiDocumentLint lint = ApiDocumentLint.of(Path.of("src/test/resources/api-docs-as-it-was.json"));
		assertThat(lint.errors).contains(
				"parser: attribute paths.'/scripts/{scriptId}/characters'(get).operationId is repeated",
				"GET /scripts/{scriptId}/characters: operationId list is also GET /scripts/{scriptId}/acts's",
				"POST /plays: parameter Idempotency-Key (header) declared twice", "POST /plays: no summary",
				"GET /scripts/{scriptId}/tree: no 2xx or 3xx response",
				"GET /scripts/{scriptId}/tree: operationId null is not lower camel case",
				"GET /scripts/{scriptId}/tree: tags null, not one",
				"GET /scripts/{scriptId}/acts: tag act-controller is not declared");
	}

}
