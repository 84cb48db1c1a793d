package io.fountain.edge.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;

import io.fountain.edge.EdgeSettings;

/**
 * Against a real HTTP server that drops every connection without answering (a service
 * dying mid-request): reads are retried, commands are not, and after a few failures the
 * breaker stops calling it at all.
 */
class DownstreamsTests {

	private HttpServer dropping;

	private final AtomicInteger calls = new AtomicInteger();

	private Downstreams downstreams;

	private RouteTable.Downstream act;

	@BeforeEach
	void start() throws Exception {
		dropping = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		dropping.createContext("/", exchange -> {
			calls.incrementAndGet();
			exchange.close(); // no status line: the client sees the connection drop
		});
		dropping.start();
		String url = "http://127.0.0.1:" + dropping.getAddress().getPort();
		downstreams = new Downstreams(RestClient.builder(), new EdgeSettings(Map.of("act", url), List.of(),
				Duration.ofSeconds(1), Duration.ofSeconds(2), DataSize.ofMegabytes(1)));
		act = downstreams.service("act");
	}

	@AfterEach
	void stop() {
		dropping.stop(0);
	}

	private String get() {
		return downstreams.call(act, true,
				() -> downstreams.http().get().uri(act.baseUrl() + "/acts/1").retrieve().body(String.class));
	}

	private String post() {
		return downstreams.call(act, false,
				() -> downstreams.http()
					.post()
					.uri(act.baseUrl() + "/acts/1/scenes")
					.body("{}")
					.retrieve()
					.body(String.class));
	}

	@Test
	void aReadIsTriedThreeTimesACommandOnce() {
		assertThatThrownBy(this::get).isInstanceOf(Downstreams.DownstreamUnavailable.class)
			.hasMessageContaining("act-svc");
		// Three attempts by the edge; the JDK's HTTP client itself repeats a GET once
		// when the connection drops.
		assertThat(calls.get()).isIn(3, 6);
		int afterRead = calls.get();

		assertThatThrownBy(this::post).isInstanceOf(Downstreams.DownstreamUnavailable.class);
		assertThat(calls.get()).as("a command is never sent twice").isEqualTo(afterRead + 1);
	}

	@Test
	void afterRepeatedFailuresTheBreakerAnswersAtOnceWithoutCalling() {
		for (int i = 0; i < 5; i++) {
			assertThatThrownBy(this::post).isInstanceOf(Downstreams.DownstreamUnavailable.class);
		}
		int made = calls.get();

		assertThatThrownBy(this::get).isInstanceOf(Downstreams.DownstreamUnavailable.class)
			.hasMessageContaining("failed repeatedly");
		assertThat(calls.get()).isEqualTo(made);
		assertThat(downstreams.breakerStates()).containsEntry("act", "OPEN");
	}

}
