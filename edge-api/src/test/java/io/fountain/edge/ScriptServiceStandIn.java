package io.fountain.edge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;

/**
 * script-svc, standing in for the edge's own tests: answers {@code POST /scripts} with
 * 201 and a new id, or with a 400 problem when the body is one it {@code refuses}; counts
 * the scripts it created.
 */
final class ScriptServiceStandIn implements AutoCloseable {

	private final HttpServer server;

	private final AtomicInteger created = new AtomicInteger();

	private ScriptServiceStandIn(Predicate<String> refuses) {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/scripts", exchange -> {
			boolean bad = refuses.test(new String(exchange.getRequestBody().readAllBytes()));
			if (!bad) {
				created.incrementAndGet();
			}
			byte[] body = (bad ? "{\"title\":\"Bad Request\",\"status\":400}"
					: "{\"id\":\"" + UUID.randomUUID() + "\"}")
				.getBytes();
			exchange.getResponseHeaders().add("Content-Type", bad ? "application/problem+json" : "application/json");
			exchange.sendResponseHeaders(bad ? 400 : 201, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
	}

	static ScriptServiceStandIn start(Predicate<String> refuses) {
		return new ScriptServiceStandIn(refuses);
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	int created() {
		return created.get();
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
