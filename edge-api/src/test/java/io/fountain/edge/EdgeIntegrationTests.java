package io.fountain.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.fountain.local.Readiness;
import io.fountain.testing.Http;

/** The edge on its own, with its services down: it answers fast and clearly instead of hanging or failing with a 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EdgeIntegrationTests {

	@DynamicPropertySource
	static void servicesThatAreDown(DynamicPropertyRegistry registry) {
		registry.add("fountain.edge.services.script", () -> "http://127.0.0.1:" + Readiness.freePort());
		registry.add("fountain.edge.services.act", () -> "http://127.0.0.1:" + Readiness.freePort());
		registry.add("fountain.edge.max-body-size", () -> "1KB");
		registry.add("fountain.ops.enabled", () -> "false");
	}

	@LocalServerPort
	int port;

	@Test
	void aServiceThatIsDownIsA503ProblemNamingItWithinTheTimeout() {
		Http edge = new Http("http://localhost:" + port);
		Instant start = Instant.now();

		Http.Response response = edge.post("/scripts", "{\"title\": \"x\"}");

		assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("service").asString()).isEqualTo("script-svc");
		assertThat(edge.get("/acts/1").json().get("detail").asString()).contains("act-svc");
	}

	@Test
	void aBodyOverTheLimitIsA413Problem() {
		Http.Response response = new Http("http://localhost:" + port).post("/scripts", "{\"title\": \"" + "x".repeat(2000) + "\"}");

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void anUnroutedPathIsA404ProblemAndTheHealthShowsTheServicesDown() {
		Http edge = new Http("http://localhost:" + port, Map.of());
		assertThat(edge.get("/nothing/here").status()).isEqualTo(404);

		Http.Response health = edge.get("/actuator/health");
		assertThat(health.json().at("/components/downstream/components/script-svc/status").asString()).isEqualTo("DOWN");
		assertThat(edge.get("/v3/api-docs").json().get("x-unavailable-services").toString()).contains("script-svc");
	}
}
