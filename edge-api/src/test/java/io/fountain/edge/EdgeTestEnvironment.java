package io.fountain.edge;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.fountain.edge.security.TestTokens;
import io.fountain.local.Readiness;
import io.fountain.testing.TestDatabase;

/**
 * The edge on its own: its own fresh database, the test identity provider's secret, and
 * services that are down.
 */
final class EdgeTestEnvironment {

	private EdgeTestEnvironment() {
	}

	static void register(DynamicPropertyRegistry registry) {
		TestDatabase database = TestDatabase.create("edge");
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::user);
		registry.add("spring.datasource.password", database::password);
		registry.add("fountain.edge.auth.hmac-secret", () -> TestTokens.SECRET);
		registry.add("fountain.edge.auth.issuer", () -> TestTokens.ISSUER);
		registry.add("fountain.edge.auth.audience", () -> TestTokens.AUDIENCE);
		for (String service : new String[] { "script", "act", "scene", "character", "dialogue", "transition" }) {
			registry.add("fountain.edge.services." + service, () -> "http://127.0.0.1:" + Readiness.freePort());
		}
		registry.add("fountain.ops.enabled", () -> "false");
	}

}
