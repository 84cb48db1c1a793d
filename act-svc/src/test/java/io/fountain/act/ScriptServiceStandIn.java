package io.fountain.act;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for script-svc's {@code GET /scripts/{id}}, the one read act-svc makes of it: answers 200 for the
 * scripts a test says exist and 404 for the rest.
 */
final class ScriptServiceStandIn {

	private static final Set<UUID> EXISTING = ConcurrentHashMap.newKeySet();

	private static HttpServer server;

	static synchronized String url() {
		if (server == null) {
			try {
				server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			server.createContext("/scripts/", exchange -> {
				String id = exchange.getRequestURI().getPath().substring("/scripts/".length());
				boolean exists = EXISTING.stream().anyMatch(known -> known.toString().equals(id));
				exchange.sendResponseHeaders(exists ? 200 : 404, -1);
				exchange.close();
			});
			server.start();
		}
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	static void exists(UUID scriptId) {
		EXISTING.add(scriptId);
	}
}
