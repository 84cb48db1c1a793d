package io.fountain.edge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * script-svc, standing in for the edge's own tests: answers {@code POST /scripts} with
 * 201 and a new id, or with a 400 problem when the body is one it {@code refuses}; counts
 * the scripts it created. For the change feed, it keeps the history of any play it is
 * told of ({@link #changed}), readable by anyone: the play's revision and the entries
 * after one.
 */
final class ScriptServiceStandIn implements AutoCloseable {

	private final HttpServer server;

	private static final Pattern HISTORY = Pattern
		.compile("/scripts/([0-9a-f-]{36})/(?:revision|history/after/([0-9]+))");

	private final AtomicInteger created = new AtomicInteger();

	private final Map<UUID, List<String>> histories = new ConcurrentHashMap<>();

	private ScriptServiceStandIn(Predicate<String> refuses) {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/scripts", exchange -> {
			Matcher read = HISTORY.matcher(exchange.getRequestURI().getPath());
			if (exchange.getRequestMethod().equals("GET") && read.matches()) {
				List<String> history = histories.getOrDefault(UUID.fromString(read.group(1)), List.of());
				String body = read.group(2) == null ? "{\"revision\":" + history.size() + "}"
						: "{\"revision\":" + history.size() + ",\"items\":["
								+ String.join(",", history.subList(
										(int) Math.min(history.size(), Long.parseLong(read.group(2))), history.size()))
								+ "]}";
				answer(exchange, 200, "application/json", body.getBytes());
				return;
			}
			boolean bad = refuses.test(new String(exchange.getRequestBody().readAllBytes()));
			if (!bad) {
				created.incrementAndGet();
			}
			byte[] body = (bad ? "{\"title\":\"Bad Request\",\"status\":400}"
					: "{\"id\":\"" + UUID.randomUUID() + "\"}")
				.getBytes();
			answer(exchange, bad ? 400 : 201, bad ? "application/problem+json" : "application/json", body);
		});
		server.start();
	}

	private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
		exchange.getResponseHeaders().add("Content-Type", type);
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	/** A change of the play, by the user: the next entry of its history. */
	void changed(UUID scriptId, String kind, String user) {
		List<String> history = histories.computeIfAbsent(scriptId, id -> new CopyOnWriteArrayList<>());
		synchronized (history) {
			history.add("{\"revision\":" + (history.size() + 1) + ",\"user\":\"" + user + "\",\"kind\":\"" + kind
					+ "\",\"id\":\"" + UUID.randomUUID() + "\",\"change\":\"updated\"}");
		}
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
