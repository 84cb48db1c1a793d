package io.fountain.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.fountain.edge.security.TestTokens;
import io.fountain.testing.Http;

/**
 * The limits, with small numbers so that a burst is quick to send: per user, per address
 * without a token, and the daily quota of new scripts; buckets in the edge's real
 * PostgreSQL database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "fountain.edge.limits.per-user=8", "fountain.edge.limits.per-user-period=16s",
				"fountain.edge.limits.per-address=4", "fountain.edge.limits.per-address-period=8s",
				"fountain.edge.limits.scripts-per-day=2" })
class RateLimitIntegrationTests {

	/**
	 * script-svc, standing in: creates whatever it is asked to but a script titled "bad"
	 * (a 400).
	 */
	private static ScriptServiceStandIn scriptService;

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		EdgeTestEnvironment.register(registry);
		scriptService = ScriptServiceStandIn.start(body -> body.contains("\"bad\""));
		registry.add("fountain.edge.services.script", scriptService::url);
	}

	@AfterAll
	static void stopScriptService() {
		scriptService.close();
	}

	@LocalServerPort
	int port;

	private Http as(String user) {
		return new Http("http://localhost:" + port, Map.of("Authorization", "Bearer " + TestTokens.valid(user)));
	}

	@Test
	void aBurstOverTheUsersLimitIs429WithRetryAfterAndServiceComesBackAfterTheRefill() {
		Http ada = as("ada-burst");
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			statuses.add(ada.post("/acts/" + i + "/scenes", "{}").status()); // not
																				// retried:
																				// quick,
																				// even
																				// with
																				// act-svc
																				// down
		}
		// Within the limit the request goes on to scene-svc, which no test runs: the
		// edge's 503, not a refusal.
		assertThat(statuses.subList(0, 8)).as("within the limit: the (down) service's answer").containsOnly(503);
		assertThat(statuses.subList(8, 10)).containsOnly(429);

		Http.Response refused = ada.post("/acts/9/scenes", "{}");
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("retryAfterSeconds").asInt()).isBetween(1, 2); // a
																						// token
																						// every
																						// 2
																						// s
		assertThat(as("bob-burst").post("/acts/1/scenes", "{}").status()).as("another user has a bucket of their own")
			.isEqualTo(503);

		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> ada.post("/acts/1/scenes", "{}").status() == 503);
	}

	@Test
	void callsWithoutATokenHaveAStricterLimitPerAddress() {
		Http anonymous = new Http("http://localhost:" + port);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			statuses.add(anonymous.get("/actuator/health/liveness").status());
		}
		assertThat(statuses.subList(0, 4)).containsOnly(200);
		assertThat(statuses.subList(4, 6)).containsOnly(429);
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> anonymous.get("/actuator/health/liveness").status() == 200);
	}

	@Test
	void theDailyQuotaOfNewScriptsHoldsAndRefusedCreationsDoNotUseIt() {
		Http cleo = as("cleo-quota");
		assertThat(cleo.post("/scripts", "{\"title\": \"bad\"}").status()).isEqualTo(400);
		assertThat(cleo.post("/scripts", "{\"title\": \"One\"}").status()).isEqualTo(201);
		assertThat(cleo.post("/scripts", "{\"title\": \"bad\"}").status()).isEqualTo(400);
		assertThat(cleo.post("/scripts", "{\"title\": \"Two\"}").status()).isEqualTo(201);

		Http.Response third = cleo.post("/scripts", "{\"title\": \"Three\"}");
		assertThat(third.status()).isEqualTo(429);
		assertThat(third.json().get("detail").asString()).contains("quota of 2 new scripts a day");
		assertThat(third.json().get("retryAfterSeconds").asLong()).isGreaterThan(3600);
		assertThat(cleo.post("/plays", "{}").status()).as("a whole play is a new script too").isEqualTo(429);
		// The stand-in answers 201 to whatever reaches it: the read was passed on, not
		// refused by the quota.
		assertThat(cleo.get("/scripts").status()).as("reading is not creating").isEqualTo(201);
	}

}
