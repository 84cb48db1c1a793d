package io.fountain.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests that speak to a service or the edge the way a client app
 * would.
 */
public final class Http {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private final Map<String, String> headers;

	public Http(String baseUrl) {
		this(baseUrl, Map.of());
	}

	public Http(String baseUrl, Map<String, String> headers) {
		this.baseUrl = baseUrl;
		this.headers = headers;
	}

	public Http withHeaders(Map<String, String> more) {
		Map<String, String> all = new HashMap<>(headers);
		all.putAll(more);
		return new Http(baseUrl, all);
	}

	public Response get(String path) {
		return send("GET", path, null, null);
	}

	public Response post(String path, String json) {
		return send("POST", path, json, "application/json");
	}

	public Response patch(String path, String json) {
		return send("PATCH", path, json, "application/json");
	}

	public Response delete(String path) {
		return send("DELETE", path, null, null);
	}

	public Response send(String method, String path, String body, String contentType) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Location").orElse(null), response.body(), response.headers().map());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Response(int status, String contentType, String location, String body,
			Map<String, List<String>> headers) {

		/** The first value of a response header, or {@code null}. */
		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(h -> h.getKey().equalsIgnoreCase(name))
				.flatMap(h -> h.getValue().stream())
				.findFirst()
				.orElse(null);
		}

		public JsonNode json() {
			return JSON.readTree(body);
		}

		@Override
		public String toString() {
			return status + " " + contentType + " " + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
		}
	}

}
