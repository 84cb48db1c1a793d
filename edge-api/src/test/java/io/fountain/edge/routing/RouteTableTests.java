package io.fountain.edge.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.fountain.edge.EdgeSettings;

class RouteTableTests {

	private final RouteTable routes = new RouteTable(settings(List.of(
			new EdgeSettings.Route("/scripts/{scriptId}/acts", "act", null),
			new EdgeSettings.Route("/acts/{actId}", "act", null), new EdgeSettings.Route("/scripts", "script", null),
			new EdgeSettings.Route("/scripts/{scriptId}", "script", null))));

	@Test
	void theFirstMatchingRoutePicksTheService() {
		assertThat(routes.route("/scripts")).hasValueSatisfying(d -> assertThat(d.name()).isEqualTo("script"));
		assertThat(routes.route("/scripts/42")).hasValueSatisfying(d -> assertThat(d.name()).isEqualTo("script"));
		assertThat(routes.route("/scripts/42/acts"))
			.hasValueSatisfying(d -> assertThat(d.baseUrl()).isEqualTo("http://act"));
		assertThat(routes.route("/acts/7")).hasValueSatisfying(d -> assertThat(d.serviceName()).isEqualTo("act-svc"));
	}

	@Test
	void aPathNoRouteServesIsNotRouted() {
		assertThat(routes.route("/acts")).isEmpty();
		assertThat(routes.route("/scripts/42/acts/7")).isEmpty();
		assertThat(routes.route("/actuator/env")).isEmpty();
	}

	@Test
	void aRouteToAServiceWithoutAUrlIsAConfigurationError() {
		assertThatThrownBy(() -> new RouteTable(settings(List.of(new EdgeSettings.Route("/x", "nowhere", null)))))
			.hasMessageContaining("nowhere");
	}

	private static EdgeSettings settings(List<EdgeSettings.Route> routes) {
		return new EdgeSettings(Map.of("script", "http://script", "act", "http://act"), routes,
				java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1), DataSize.ofMegabytes(1));
	}

}
