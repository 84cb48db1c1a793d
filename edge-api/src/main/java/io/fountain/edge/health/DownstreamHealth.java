package io.fountain.edge.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.fountain.edge.EdgeSettings;

/**
 * The edge's {@code /actuator/health} includes each downstream service's own health,
 * under {@code downstream}.
 */
@Configuration(proxyBeanMethods = false)
class DownstreamHealth {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	@Bean
	CompositeHealthContributor downstream(EdgeSettings settings) {
		Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
		settings.services().forEach((name, url) -> indicators.put(name + "-svc", () -> check(url)));
		return CompositeHealthContributor.fromMap(indicators);
	}

	private static Health check(String baseUrl) {
		try {
			HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
				.timeout(Duration.ofSeconds(2))
				.GET()
				.build(), HttpResponse.BodyHandlers.discarding());
			return (response.statusCode() == 200 ? Health.up() : Health.down()).withDetail("url", baseUrl)
				.withDetail("status", response.statusCode())
				.build();
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			return Health.down().withDetail("url", baseUrl).withDetail("error", "not reachable").build();
		}
	}

}
