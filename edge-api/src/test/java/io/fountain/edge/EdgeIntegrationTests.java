package io.fountain.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.fountain.edge.security.TestTokens;
import io.fountain.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * The edge on its own, with its services down: it refuses calls without a valid token,
 * answers fast and clearly instead of hanging or failing with a 500, and sends the
 * headers a browser needs to keep our answers safe.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "fountain.edge.max-body-size=1KB", "fountain.edge.auth.cors-allowed-origins=https://app.example",
				// Hundreds of calls from one address without a token: the limits have
				// their own test.
				"fountain.edge.limits.enabled=false" })
class EdgeIntegrationTests {

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		EdgeTestEnvironment.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	EdgeSettings settings;

	@Autowired
	ApplicationContext context;

	private Http as(String user, String... roles) {
		return new Http("http://localhost:" + port, Map.of("Authorization", "Bearer " + TestTokens.valid(user, roles)));
	}

	@Test
	void aServiceThatIsDownIsA503ProblemNamingItWithinTheTimeout() {
		Http edge = as("ada");
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
		Http.Response response = as("ada").post("/scripts", "{\"title\": \"" + "x".repeat(2000) + "\"}");

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void anUnroutedPathIsA404ProblemAndTheHealthAndApiDocsNeedNoToken() {
		assertThat(as("ada").get("/nothing/here").status()).isEqualTo(404);

		Http anonymous = new Http("http://localhost:" + port);
		Http.Response health = anonymous.get("/actuator/health");
		assertThat(health.json().get("status").asString()).isEqualTo("DOWN");
		assertThat(health.json().has("components")).as("the services' addresses and the disk's path").isFalse();
		assertThat(as("olga", "operator").get("/actuator/health")
			.json()
			.at("/components/downstream/components/script-svc/status")
			.asString()).isEqualTo("DOWN");
		Http.Response docs = anonymous.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("x-unavailable-services").toString()).contains("script-svc");
		assertThat(docs.json().at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
		assertThat(docs.json().at("/security/0").has("bearer")).isTrue();
		assertThat(docs.json().at("/paths/~1scripts~1{scriptId}~1tree/get/responses/401/$ref").asString())
			.isEqualTo("#/components/responses/Problem401");
		JsonNode tree = docs.json().at("/paths/~1scripts~1{scriptId}~1tree/get");
		assertThat(tree.get("operationId").asString()).isEqualTo("getPlayTree");
		assertThat(tree.at("/responses/200/content/application~1json/schema/$ref").asString())
			.isEqualTo("#/components/schemas/PlayTree");
		assertThat(tree.at("/responses/403").isMissingNode()).as("a read is never a 403").isTrue();
		// Only the tags of the edge's own operations (the services are down), in the
		// document's order: the deletion previews, then the tree.
		List<String> tags = new ArrayList<>();
		docs.json().get("tags").forEach(tag -> tags.add(tag.get("name").asString()));
		assertThat(tags).containsExactly("Scripts", "Plays", "Acts", "Scenes", "Characters");
	}

	@Test
	void withoutAValidTokenEveryRouteAndMethodIsA401ProblemThatSaysWhatToDo() throws Exception {
		List<String> paths = new ArrayList<>();
		settings.routes()
			.forEach(route -> paths.add(route.pattern().replaceAll("\\{[^}]+}", UUID.randomUUID().toString())));
		paths.addAll(List.of("/scripts/" + UUID.randomUUID() + "/tree", "/ops/lag", "/ops/dead-letters",
				"/actuator/prometheus", "/nothing/here"));
		HttpClient client = HttpClient.newHttpClient();
		int checked = 0;
		for (String path : paths) {
			for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
				for (String authorization : new String[] { null, "Bearer " + TestTokens.unsigned("ada"), "Bearer x.y.z",
						"Basic YWRhOmFkYQ==" }) {
					HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
						.header("Content-Type", "application/json")
						.method(method, HttpRequest.BodyPublishers.ofString("{}"));
					if (authorization != null) {
						request.header("Authorization", authorization);
					}
					HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
					assertThat(response.statusCode()).as(method + " " + path + " with " + authorization).isEqualTo(401);
					assertThat(response.headers().firstValue("Content-Type"))
						.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
					// RFC 6750's header, and nothing of the decoder's own messages (which
					// check failed, and how).
					assertThat(response.headers().firstValue("WWW-Authenticate"))
						.hasValue(authorization == null || authorization.startsWith("Basic") ? "Bearer"
								: "Bearer error=\"invalid_token\", error_description=\"The token was refused\"");
					assertThat(response.body()).contains("token").doesNotContain("Exception");
					checked++;
				}
			}
		}
		assertThat(checked).isGreaterThan(300);
	}

	@Test
	void theOperationsViewsNeedTheOperatorRole() {
		assertThat(as("ada").get("/ops/lag").status()).isEqualTo(403);
		assertThat(as("ada").get("/actuator/prometheus").status()).isEqualTo(403);
		assertThat(as("olga", "operator").get("/actuator/prometheus").status()).isEqualTo(200);
		// Let through, the operator's request goes on to ask Kafka, which this test does
		// not run: a 503 problem saying
		// so, where a caller without the role is refused before (403).
		Http.Response lag = as("olga", "operator").get("/ops/lag");
		assertThat(lag.status()).isEqualTo(503);
		assertThat(lag.contentType()).startsWith("application/problem+json");
	}

	@Test
	void answersCarrySecurityHeadersAndCorsFollowsTheAllowList() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpResponse<String> answer = client
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/scripts"))
				.header("Authorization", "Bearer " + TestTokens.valid("ada"))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(answer.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
		assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");

		HttpResponse<String> allowed = client.send(preflight("https://app.example"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example");
		HttpResponse<String> refused = client.send(preflight("https://evil.example"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void withNoCollectorNamedNothingIsExportedOverOtlpAndOneTraceInTenIsSampled() {
		assertThat(context.getBeansOfType(MeterRegistry.class).values()).noneMatch(OtlpMeterRegistry.class::isInstance)
			.anyMatch(PrometheusMeterRegistry.class::isInstance);
		assertThat(context.getBean(Sampler.class).getDescription()).contains("TraceIdRatioBased{0.100000}");
	}

	private HttpRequest preflight(String origin) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/scripts"))
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization,content-type")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.build();
	}

}
