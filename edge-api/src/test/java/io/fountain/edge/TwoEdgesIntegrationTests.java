package io.fountain.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.fountain.edge.security.TestTokens;
import io.fountain.testing.EventStream;
import io.fountain.testing.Http;

/**
 * Two edges on one database, as behind a load balancer: a user's rate limit and
 * idempotency keys are one, whichever edge each request reaches (the buckets and keys
 * live in the edge's PostgreSQL, not in either process).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "fountain.edge.limits.per-user=8", "fountain.edge.limits.per-user-period=16s" })
class TwoEdgesIntegrationTests {

	/**
	 * script-svc, standing in: creates a script for every request it gets, and counts
	 * them.
	 */
	private static ScriptServiceStandIn scriptService;

	private static ConfigurableApplicationContext secondEdge;

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		EdgeTestEnvironment.register(registry);
		scriptService = ScriptServiceStandIn.start(body -> false);
		registry.add("fountain.edge.services.script", scriptService::url);
	}

	@LocalServerPort
	int port;

	@Autowired
	Environment environment;

	private Http first;

	private Http second;

	@AfterAll
	static void stopAll() {
		if (secondEdge != null) {
			secondEdge.close();
		}
		scriptService.close();
	}

	/**
	 * The second edge: the same configuration as the first (database, secrets, services),
	 * its own port.
	 */
	private void startSecondEdge() {
		if (secondEdge == null) {
			List<String> same = new ArrayList<>(); // as arguments: they take precedence
													// over application.yml
			for (String key : List.of("spring.datasource.url", "spring.datasource.username",
					"spring.datasource.password", "fountain.edge.auth.hmac-secret", "fountain.edge.auth.issuer",
					"fountain.edge.auth.audience", "fountain.edge.services.script", "fountain.edge.services.act",
					"fountain.edge.services.scene", "fountain.edge.services.character",
					"fountain.edge.services.dialogue", "fountain.edge.services.transition", "fountain.ops.enabled",
					"fountain.edge.limits.per-user", "fountain.edge.limits.per-user-period")) {
				same.add("--" + key + "=" + environment.getRequiredProperty(key));
			}
			same.add("--server.port=0");
			secondEdge = new SpringApplicationBuilder(EdgeApplication.class).run(same.toArray(String[]::new));
		}
		int secondPort = Integer.parseInt(secondEdge.getEnvironment().getRequiredProperty("local.server.port"));
		first = new Http("http://localhost:" + port);
		second = new Http("http://localhost:" + secondPort);
	}

	private static Map<String, String> as(String user) {
		return Map.of("Authorization", "Bearer " + TestTokens.valid(user));
	}

	/**
	 * Exact: a bucket of 8 is no larger than the headroom
	 * ({@code fountain.edge.limits.in-memory.headroom}, 50), so both edges decide each of
	 * its requests on its row. A larger bucket is decided in memory while it has more
	 * than the headroom left, and may then pass its limit by up to
	 * {@code in-memory.tokens} (10) per edge: that tolerance is checked in
	 * {@code SharedBucketsIntegrationTests}.
	 */
	@Test
	void aUsersLimitIsOneBucketAcrossEdges() {
		startSecondEdge();
		Http ada1 = first.withHeaders(as("ada-two-edges"));
		Http ada2 = second.withHeaders(as("ada-two-edges"));
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			statuses.add(ada1.post("/acts/" + i + "/scenes", "{}").status()); // not
																				// retried:
																				// quick,
																				// act-svc
																				// is down
			statuses.add(ada2.post("/acts/" + i + "/scenes", "{}").status());
		}
		assertThat(statuses).as("eight calls, four at each edge: within the limit of 8").doesNotContain(429);

		assertThat(ada1.post("/acts/9/scenes", "{}").status()).as("the ninth, at the first edge").isEqualTo(429);
		assertThat(ada2.post("/acts/9/scenes", "{}").status()).as("and at the second: the same bucket").isEqualTo(429);
	}

	@Test
	void anIdempotencyKeyUsedAtOneEdgeIsReplayedByTheOther() {
		startSecondEdge();
		Map<String, String> key = new HashMap<>(as("cleo-two-edges"));
		key.put("Idempotency-Key", UUID.randomUUID().toString());
		int before = scriptService.created();

		Http.Response created = first.withHeaders(key).post("/scripts", "{\"title\": \"One\"}");
		Http.Response again = second.withHeaders(key).post("/scripts", "{\"title\": \"One\"}");

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(again.status()).as(again.toString()).isEqualTo(201);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.json().get("id").asString()).isEqualTo(created.json().get("id").asString());
		assertThat(scriptService.created() - before).as("script-svc asked once").isEqualTo(1);
	}

	/**
	 * Each edge asks script-svc for the changes of the plays its own clients watch, so a
	 * client at either edge gets every change, once, in order; and one user's streams
	 * count against one limit (4) whichever edge holds them.
	 */
	@Test
	void eachEdgeServesEveryChangeToItsOwnClientsAndOneUsersStreamsCountAtBoth() {
		startSecondEdge();
		UUID play = UUID.randomUUID();
		String changes = "/scripts/" + play + "/changes";
		int secondPort = Integer.parseInt(secondEdge.getEnvironment().getRequiredProperty("local.server.port"));
		List<EventStream> open = new ArrayList<>();
		try {
			EventStream atFirst = stream(port, changes, "dora-two-edges");
			EventStream atSecond = stream(secondPort, changes, "dora-two-edges");
			open.add(atFirst);
			open.add(atSecond);
			assertThat(atFirst.status()).isEqualTo(200);
			assertThat(atSecond.status()).isEqualTo(200);
			scriptService.changed(play, "act", "eli");
			scriptService.changed(play, "scene", "eli");
			for (EventStream stream : List.of(atFirst, atSecond)) {
				await().atMost(Duration.ofSeconds(10)).until(() -> stream.events("change").size() == 2);
				assertThat(stream.events("change")).extracting(EventStream.Event::id).containsExactly("1", "2");
				assertThat(stream.events("change")).extracting(event -> event.json().get("kind").asString())
					.containsExactly("act", "scene");
			}

			open.add(stream(port, changes, "dora-two-edges"));
			open.add(stream(secondPort, changes, "dora-two-edges"));
			try (EventStream fifth = stream(port, changes, "dora-two-edges")) {
				assertThat(fifth.status()).as("two open at each edge: the fifth is one too many").isEqualTo(429);
				assertThat(fifth.contentType()).startsWith("application/problem+json");
			}
		}
		finally {
			open.forEach(EventStream::close);
		}
	}

	private static EventStream stream(int port, String path, String user) {
		return EventStream.open(URI.create("http://localhost:" + port + path), as(user));
	}

}
