package io.fountain.eventing.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for the owners of a service's parents, answering the one read a service makes
 * of them ({@code GET /<collection>/<id>}: 200 with the parent's {@code scriptId}, or
 * 404), for parents a test says exist; and for script-svc's claim check of plays being
 * imported ({@code GET /imports/...}), with what a test puts there. One per test JVM.
 */
public final class ParentOwnerStandIn {

	private static final Map<String, UUID> EXISTING = new ConcurrentHashMap<>();

	private static final Map<String, String> DOCUMENTS = new ConcurrentHashMap<>();

	private static HttpServer server;

	private ParentOwnerStandIn() {
	}

	public static synchronized String url() {
		if (server == null) {
			try {
				server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			server.createContext("/", exchange -> {
				UUID scriptId = EXISTING.get(exchange.getRequestURI().getPath());
				String path = exchange.getRequestURI().getPath();
				String document = path.contains("*") ? family(path) : DOCUMENTS.get(path);
				if (document != null) {
					byte[] body = document.getBytes(StandardCharsets.UTF_8);
					exchange.getResponseHeaders().add("Content-Type", "application/json");
					exchange.sendResponseHeaders(200, body.length);
					exchange.getResponseBody().write(body);
				}
				else if (scriptId == null) {
					exchange.sendResponseHeaders(404, -1);
				}
				else {
					byte[] body = ("{\"scriptId\":\"" + scriptId + "\"}").getBytes(StandardCharsets.UTF_8);
					exchange.getResponseHeaders().add("Content-Type", "application/json");
					exchange.sendResponseHeaders(200, body.length);
					exchange.getResponseBody().write(body);
				}
				exchange.close();
			});
			server.start();
		}
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/**
	 * As script-svc's claim check answers a family
	 * ({@code /imports/<id>/scenes/<any>/dialogues}, a {@code *} for the id): the
	 * documents served at its paths, as one JSON object by path within the import; none
	 * when the import has no document at all.
	 */
	private static String family(String path) {
		String imports = path.substring(0, path.indexOf('/', "/imports/".length()) + 1);
		Pattern members = Pattern.compile(Pattern.quote(path).replace("*", "\\E[^/]+\\Q"));
		StringBuilder json = new StringBuilder("{");
		DOCUMENTS.forEach((served, document) -> {
			if (members.matcher(served).matches()) {
				json.append(json.length() > 1 ? "," : "")
					.append('"')
					.append(served.substring(imports.length()))
					.append("\":")
					.append(document);
			}
		});
		boolean known = DOCUMENTS.keySet().stream().anyMatch(served -> served.startsWith(imports));
		return known ? json.append('}').toString() : null;
	}

	/**
	 * From now on, {@code GET path} answers the JSON {@code document} (e.g. script-svc's
	 * parts of an import).
	 */
	public static void serves(String path, String document) {
		DOCUMENTS.put(path, document);
	}

	/** From now on, the owner answers that the parent exists, in that script. */
	public static void exists(String collection, UUID id, UUID scriptId) {
		EXISTING.put("/" + collection + "/" + id, scriptId);
	}

}
