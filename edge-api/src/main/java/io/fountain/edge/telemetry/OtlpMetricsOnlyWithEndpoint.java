package io.fountain.edge.telemetry;

import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Metrics go out over OTLP only when a collector is named.
 * {@code spring-boot-starter-opentelemetry} brings micrometer-registry-otlp, and Spring
 * Boot exports to it unless {@value #ENABLED} is false; with no URL it sends to
 * {@code http://localhost:4318/v1/metrics}, where nothing listens, so every minute's
 * export failed with a logged stack trace. Metrics are scraped from
 * {@code /actuator/prometheus} either way. Named by {@code
 * management.otlp.metrics.export.url} (MANAGEMENT_OTLP_METRICS_EXPORT_URL) or the
 * OpenTelemetry variables Micrometer reads; an explicit {@value #ENABLED} wins, since
 * this default is added last.
 */
class OtlpMetricsOnlyWithEndpoint implements EnvironmentPostProcessor {

	static final String ENABLED = "management.otlp.metrics.export.enabled";

	private static final List<String> ENDPOINTS = List.of("management.otlp.metrics.export.url",
			"OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (ENDPOINTS.stream().noneMatch(name -> StringUtils.hasText(environment.getProperty(name)))) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("fountainEdgeOtlpMetrics", Map.of(ENABLED, "false")));
		}
	}

}
