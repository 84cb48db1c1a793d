package io.fountain.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fountain.local.LocalStack;
import io.fountain.local.Service;
import io.fountain.testing.Http;

/**
 * A service that dies gives a fast, clear answer at the edge, never a hang; when it is
 * back the edge serves again by itself (its circuit breaker lets calls through again),
 * with no restart of the edge.
 */
class ResilienceSystemIntegrationTests {

	@Test
	void aKilledServiceIsA503NamingItWithinTheTimeoutAndTrafficRecoversWhenItIsBack() {
		LocalStack stack = SystemUnderTest.stack();
		Http ada = new Http(stack.edgeUrl(), Map.of("Authorization", "Bearer " + stack.token("ada")));
		PlayThroughEdge play = PlayThroughEdge.build(ada, "Through a failure");
		String act = "/acts/" + play.acts.get(0);
		long edgePid = stack.pid(Service.EDGE);

		stack.kill(Service.ACT);
		try {
			for (int i = 0; i < 12; i++) {
				long start = System.nanoTime();
				Http.Response down = i % 2 == 0 ? ada.get(act) : ada.patch(act, "{\"title\": \"While down\"}");
				Duration took = Duration.ofNanos(System.nanoTime() - start);
				assertThat(down.status()).as(down.toString()).isEqualTo(503);
				assertThat(down.contentType()).startsWith("application/problem+json");
				assertThat(down.json().get("service").asString()).isEqualTo("act-svc");
				assertThat(took).as("within the edge's timeout (10 s), not a hang").isLessThan(Duration.ofSeconds(10));
			}
			assertThat(ada.get(act).json().get("detail").asString()).as("the breaker is open: no call is made")
				.contains("failed repeatedly");
			assertThat(ada.get("/scripts/" + play.scriptId).status()).as("other services answer as ever")
				.isEqualTo(200);
		}
		finally {
			stack.restart(Service.ACT, List.of());
		}

		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> ada.get(act).status() == 200);
		assertThat(ada.patch(act, "{\"title\": \"After the failure\"}").status()).isEqualTo(200);
		assertThat(stack.pid(Service.EDGE)).as("the edge was not restarted").isEqualTo(edgePid);

		// Back in its consumer groups too, as the tests after this one need: once the
		// killed member's session has expired, act-svc hears of a new collaborator.
		assertThat(ada
			.send("PUT", "/scripts/" + play.scriptId + "/collaborators/rex", "{\"role\": \"viewer\"}",
					"application/json")
			.status()).isEqualTo(200);
		Http rex = new Http(stack.edgeUrl(), Map.of("Authorization", "Bearer " + stack.token("rex")));
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> rex.get(act).status() == 200);
	}

}
