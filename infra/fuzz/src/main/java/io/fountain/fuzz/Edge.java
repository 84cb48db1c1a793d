package io.fountain.fuzz;

import java.time.Duration;
import java.util.Optional;

import io.fountain.testing.RawHttp;

/**
 * The edge as the fuzz talks to it: every request over a socket of its own, as written.
 */
final class Edge {

	/**
	 * Long enough for a 1 MB body through the edge to a service on a busy machine; a hang
	 * is a finding.
	 */
	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final RawHttp http;

	private final int port;

	private final String token;

	private long sent;

	Edge(int port, String token) {
		this.http = new RawHttp(port);
		this.port = port;
		this.token = token;
	}

	/**
	 * The answer, or empty when there was none (the connection closed first, or nothing
	 * came in time).
	 */
	Optional<RawHttp.Response> send(Request request) {
		sent++;
		try {
			return Optional.of(http.exchangeAnswered(request.wire(port), TIMEOUT));
		}
		catch (RuntimeException noAnswer) {
			return Optional.empty();
		}
	}

	/**
	 * A plain GET as the fuzz's user, for what it reads besides the requests it fuzzes.
	 */
	Optional<RawHttp.Response> get(String target) {
		return send(Request.of("GET", target)
			.withHeader("Authorization", "Bearer " + token)
			.withHeader("Accept", "application/json"));
	}

	String token() {
		return token;
	}

	/** Every request sent so far, the fuzz's own reads included. */
	long sent() {
		return sent;
	}

}
