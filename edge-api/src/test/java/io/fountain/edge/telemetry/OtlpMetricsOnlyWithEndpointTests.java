package io.fountain.edge.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class OtlpMetricsOnlyWithEndpointTests {

	private static String enabledAfterDefaults(MockEnvironment environment) {
		new OtlpMetricsOnlyWithEndpoint().postProcessEnvironment(environment, new SpringApplication());
		return environment.getProperty(OtlpMetricsOnlyWithEndpoint.ENABLED);
	}

	@Test
	void withoutAnEndpointNoMetricsAreExportedOverOtlp() {
		assertThat(enabledAfterDefaults(new MockEnvironment())).isEqualTo("false");
		assertThat(enabledAfterDefaults(new MockEnvironment().withProperty("management.otlp.metrics.export.url", "")))
			.isEqualTo("false");
	}

	@Test
	void anEndpointTurnsTheExportOn() {
		assertThat(enabledAfterDefaults(new MockEnvironment().withProperty("management.otlp.metrics.export.url",
				"http://collector:4318/v1/metrics")))
			.as("Spring Boot's own default: on")
			.isNull();
		assertThat(enabledAfterDefaults(
				new MockEnvironment().withProperty("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")))
			.isNull();
	}

	@Test
	void anExplicitSettingWins() {
		assertThat(
				enabledAfterDefaults(new MockEnvironment().withProperty(OtlpMetricsOnlyWithEndpoint.ENABLED, "true")))
			.isEqualTo("true");
	}

}
