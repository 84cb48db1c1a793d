package io.fountain.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fountain.local.LocalStack;
import io.fountain.local.Service;
import io.fountain.testing.Http;
import tools.jackson.databind.JsonNode;

/** What an operator sees at /ops on the edge, against the whole running system. */
class OpsSystemIntegrationTests {

	private static LocalStack stack;

	private static Http edge;

	@BeforeAll
	static void startTheSystem() {
		stack = SystemUnderTest.stack();
		// ada is an operator too: the ops views need the role.
		edge = new Http(stack.edgeUrl(), Map.of("Authorization", "Bearer " + stack.token("ada", "operator")));
	}

	@Test
	void aGroupWithoutMembersIsStoppedWithItsLagCountedAndDrainsWhenItIsBack() {
		int scripts = 5;
		// Start from quiet, so that the lag counted is exactly what this test produces.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> group("character-svc") != null && group("character-svc").get("lag").asLong() == 0);
		stack.stop(Service.CHARACTER);
		try {
			for (int i = 0; i < scripts; i++) {
				PlayThroughEdge.id(edge.post("/scripts", "{\"title\": \"While character-svc is down " + i + "\"}"));
			}

			await().atMost(Duration.ofSeconds(30))
				.until(() -> group("character-svc") != null && group("character-svc").get("lag").asLong() == scripts
						&& group("character-svc").get("status").asString().equals("STOPPED"));
			assertThat(group("character-svc").get("members").asInt()).isZero();
			assertThat(group("character-svc").get("lagSeconds").asDouble()).isGreaterThan(0);
			assertThat(edge.get("/actuator/prometheus").body())
				.contains("fountain_consumer_lag_records{group=\"character-svc\"");
		}
		finally {
			stack.restart(Service.CHARACTER, List.of());
		}

		await().atMost(Duration.ofSeconds(30))
			.until(() -> group("character-svc").get("lag").asLong() == 0
					&& group("character-svc").get("status").asString().equals("OK"));
	}

	@Test
	void aMessageThatCannotBeAppliedIsDeadLetteredListedAndAppliedOnceWhenReplayedAfterTheFix() throws Exception {
		injectFault();
		UUID script;
		try {
			script = PlayThroughEdge.id(edge.post("/scripts", "{\"title\": \"Poisoned\"}"));
			await().atMost(Duration.ofSeconds(30)).until(() -> deadLetter(script) != null);
		}
		finally {
			liftFault();
		}
		JsonNode letter = deadLetter(script);
		assertThat(letter.get("originalTopic").asString()).isEqualTo("fountain.script.events");
		assertThat(letter.get("consumerGroup").asString()).isEqualTo("act-svc");
		assertThat(letter.get("reason").asString()).contains("fault injected");
		assertThat(letter.get("status").asString()).isEqualTo("PENDING");
		assertThat(knownScripts(script)).isZero();

		Http operator = new Http(stack.edgeUrl(), Map.of("Authorization", "Bearer " + stack.token("olga", "operator")));
		Http.Response replayed = operator.post("/ops/dead-letters/" + letter.get("id").asString() + "/replay", "");
		assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(20)).until(() -> knownScripts(script) == 1);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> deadLetter(script).get("status").asString().equals("REPLAYED"));
		assertThat(deadLetter(script).get("actedBy").asString()).isEqualTo("olga");
		// Applied once where it had failed, and not again where it had already been
		// applied.
		assertThat(count(Service.ACT, "SELECT count(*) FROM known_parent WHERE id = '" + script + "'")).isEqualTo(1);
		assertThat(count(Service.CHARACTER, "SELECT count(*) FROM known_parent WHERE id = '" + script + "'"))
			.isEqualTo(1);
		assertThat(PlayThroughEdge.id(edge.post("/scripts/" + script + "/acts", "{}"))).isNotNull();

		assertOpsPageShows("act-svc", script.toString());
	}

	/**
	 * The page in a real headless browser (Debian's chromium, driven by playwright-core);
	 * keeps a screenshot.
	 */
	private static void assertOpsPageShows(String group, String deadLetterKey)
			throws IOException, InterruptedException {
		Path screenshot = Path.of("target", "ops-page.png").toAbsolutePath();
		Files.deleteIfExists(screenshot);
		Process browser = new ProcessBuilder("node", "ops-page.mjs", stack.edgeUrl(), group, deadLetterKey,
				screenshot.toString(), stack.token("olga", "operator"))
			.directory(Path.of("browser").toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(browser.getInputStream().readAllBytes());
		assertThat(browser.waitFor(90, TimeUnit.SECONDS)).isTrue();
		assertThat(browser.exitValue()).as(output).isZero();
		assertThat(screenshot).exists().isNotEmptyFile();
	}

	private static JsonNode group(String name) {
		for (JsonNode group : edge.get("/ops/lag").json().get("groups")) {
			if (group.get("group").asString().equals(name)) {
				return group;
			}
		}
		return null;
	}

	private static JsonNode deadLetter(UUID key) {
		for (JsonNode letter : edge.get("/ops/dead-letters").json()) {
			if (key.toString().equals(letter.get("key").asString())) {
				return letter;
			}
		}
		return null;
	}

	private static int knownScripts(UUID script) {
		return count(Service.ACT, "SELECT count(*) FROM known_parent WHERE kind = 'script' AND id = '" + script + "'");
	}

	/**
	 * act-svc's database refuses to record any script it hears of, as a broken disk or a
	 * bad migration would.
	 */
	private static void injectFault() {
		execute(Service.ACT, """
				CREATE TABLE fault_injection (active boolean);
				INSERT INTO fault_injection VALUES (true);
				CREATE FUNCTION inject_fault() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    RAISE EXCEPTION 'fault injected by OpsSystemIntegrationTests';
				END $$;
				CREATE TRIGGER inject_fault BEFORE INSERT ON known_parent FOR EACH ROW WHEN (NEW.kind = 'script')
				    EXECUTE FUNCTION inject_fault();""");
	}

	private static void liftFault() {
		execute(Service.ACT, """
				DROP TRIGGER IF EXISTS inject_fault ON known_parent;
				DROP FUNCTION IF EXISTS inject_fault();
				DROP TABLE IF EXISTS fault_injection;""");
	}

	private static void execute(Service service, String sql) {
		try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(service), stack.databaseUser(),
				stack.databasePassword()); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int count(Service service, String sql) {
		try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(service), stack.databaseUser(),
				stack.databasePassword());
				Statement statement = connection.createStatement();
				var result = statement.executeQuery(sql)) {
			result.next();
			return result.getInt(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
