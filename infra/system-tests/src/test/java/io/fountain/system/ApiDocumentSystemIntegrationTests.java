package io.fountain.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fountain.local.LocalStack;
import io.fountain.testing.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API document the running edge serves is the one checked in as
 * {@code edge-api/openapi.json}: the one the build lints ({@link ApiDocumentLintTests}),
 * generates this module's client from ({@link GeneratedClientSystemIntegrationTests}),
 * and client teams generate theirs from ({@code docs/api.md}).
 */
class ApiDocumentSystemIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static LocalStack stack;

	@BeforeAll
	static void startTheSystem() {
		stack = SystemUnderTest.stack();
	}

	@Test
	void theEdgeServesTheCheckedInDocument() throws IOException {
		Http.Response docs = new Http(stack.edgeUrl(), Map.of()).get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		JsonNode served = docs.json();
		Path copy = Path.of("target", "served-openapi.json").toAbsolutePath();
		Files.writeString(copy, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");
		Path checkedIn = Path.of(System.getProperty("fountain.repo", "../.."), "edge-api", "openapi.json");
		List<String> differences = new ArrayList<>();
		differences("", JSON.readTree(checkedIn.toFile()), served, differences);
		assertThat(differences)
			.as("edge-api/openapi.json is not what the edge serves (where they differ, first 20 shown). After a "
					+ "deliberate change of the API, copy " + copy + " over it")
			.isEmpty();
	}

	/** The JSON pointers where the two documents differ, at most 20. */
	private static void differences(String at, JsonNode checkedIn, JsonNode served, List<String> out) {
		if (out.size() >= 20 || checkedIn.equals(served)) {
			return;
		}
		if (checkedIn.isObject() && served.isObject()) {
			Set<String> names = new TreeSet<>(checkedIn.propertyNames());
			names.addAll(served.propertyNames());
			for (String name : names) {
				String pointer = at + "/" + name.replace("~", "~0").replace("/", "~1");
				if (!checkedIn.has(name) || !served.has(name)) {
					out.add(pointer + (served.has(name) ? " is served, not checked in" : " is checked in, not served"));
				}
				else {
					differences(pointer, checkedIn.get(name), served.get(name), out);
				}
			}
		}
		else if (checkedIn.isArray() && served.isArray() && checkedIn.size() == served.size()) {
			for (int i = 0; i < served.size(); i++) {
				differences(at + "/" + i, checkedIn.get(i), served.get(i), out);
			}
		}
		else {
			out.add(at + ": checked in " + abbreviated(checkedIn) + ", served " + abbreviated(served));
		}
	}

	private static String abbreviated(JsonNode node) {
		String text = node.toString();
		return text.length() > 120 ? text.substring(0, 120) + "..." : text;
	}

}
