package io.fountain.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.fountain.edge.security.TestTokens;
import io.fountain.testing.Http;

/**
 * The whole-play read takes every row of the lists clients read a page at a time (the
 * acts, the cast): against stand-ins for the six services, serving a play with more
 * characters and acts than one page holds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "fountain.edge.limits.enabled=false")
class PlayTreeIntegrationTests {

	private static final UUID SCRIPT = UUID.randomUUID();

	private static final int CAST = 230;

	private static final int ACTS = 101;

	private static final List<String> requested = new CopyOnWriteArrayList<>();

	private static final HttpServer services = services();

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		EdgeTestEnvironment.register(registry);
		String url = "http://127.0.0.1:" + services.getAddress().getPort();
		for (String service : new String[] { "script", "act", "scene", "character", "dialogue", "transition" }) {
			registry.add("fountain.edge.services." + service, () -> url);
		}
	}

	@AfterAll
	static void stop() {
		services.stop(0);
	}

	@LocalServerPort
	int port;

	@Test
	void theTreeHoldsEveryCharacterAndEveryActBeyondTheFirstPage() {
		Http ada = new Http("http://localhost:" + port, Map.of("Authorization", "Bearer " + TestTokens.valid("ada")));

		Http.Response tree = ada.get("/scripts/" + SCRIPT + "/tree");

		assertThat(tree.status()).as(tree.toString()).isEqualTo(200);
		assertThat(tree.json().get("characters").findValuesAsString("name"))
			.containsExactlyElementsOf(IntStream.range(0, CAST).mapToObj(PlayTreeIntegrationTests::name).toList());
		assertThat(tree.json().get("acts").findValuesAsString("title"))
			.containsExactlyElementsOf(IntStream.range(0, ACTS).mapToObj(PlayTreeIntegrationTests::title).toList());
		assertThat(requested.stream().filter(r -> r.startsWith("/scripts/"))).as("the largest pages, each once")
			.contains("/scripts/" + SCRIPT + "/characters?page=2&size=100",
					"/scripts/" + SCRIPT + "/acts?page=1&size=100")
			.doesNotHaveDuplicates();
	}

	private static String name(int i) {
		return "EXTRA %03d".formatted(i);
	}

	private static String title(int i) {
		return "ACT %03d".formatted(i);
	}

	/**
	 * script-svc's script, the paged acts and cast, and no scenes, actions, dialogue or
	 * transitions.
	 */
	private static HttpServer services() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", exchange -> {
				String path = exchange.getRequestURI().getPath();
				requested.add(exchange.getRequestURI().toString());
				String script = "/scripts/" + SCRIPT;
				if (path.equals(script)) {
					answer(exchange, "{\"id\":\"" + SCRIPT + "\",\"owner\":\"ada\",\"title\":\"Crowds\",\"authors\":[],"
							+ "\"otherEntries\":[],\"status\":\"ACTIVE\"}");
				}
				else if (path.equals(script + "/characters")) {
					answer(exchange, page(exchange, CAST, i -> "{\"id\":\"" + new UUID(1, i) + "\",\"scriptId\":\""
							+ SCRIPT + "\",\"name\":\"" + name(i) + "\",\"description\":null}"));
				}
				else if (path.equals(script + "/acts")) {
					answer(exchange, page(exchange, ACTS, i -> "{\"id\":\"" + new UUID(2, i) + "\",\"scriptId\":\""
							+ SCRIPT + "\",\"ordinal\":" + (i + 1) + ",\"title\":\"" + title(i) + "\"}"));
				}
				else {
					answer(exchange, "[]");
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The page the query asks for, as the services page: {@code page} from 0,
	 * {@code size} 20 unless given.
	 */
	private static String page(HttpExchange exchange, int total, IntFunction<String> item) {
		Map<String, Integer> query = new HashMap<>(Map.of("page", 0, "size", 20));
		String raw = exchange.getRequestURI().getQuery();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				String[] parts = pair.split("=", 2);
				query.put(parts[0], Integer.parseInt(parts[1]));
			}
		}
		int page = query.get("page");
		int size = query.get("size");
		String items = IntStream.range(Math.min(page * size, total), Math.min(page * size + size, total))
			.mapToObj(item)
			.collect(Collectors.joining(","));
		return "{\"items\":[" + items + "],\"page\":" + page + ",\"size\":" + size + ",\"total\":" + total + "}";
	}

	private static void answer(HttpExchange exchange, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

}
