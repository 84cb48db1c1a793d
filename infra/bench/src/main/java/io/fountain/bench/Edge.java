package io.fountain.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's client of edge-api: JSON in and out, an error for anything but the
 * expected status.
 */
final class Edge {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	private final String baseUrl;

	private final String authorization;

	Edge(String baseUrl, String token) {
		this.baseUrl = baseUrl;
		this.authorization = "Bearer " + token;
	}

	UUID create(String path, String json) {
		JsonNode created = send("POST", path, json, 201);
		return UUID.fromString(created.get("id").asString());
	}

	/**
	 * Posts a whole play ({@code POST /plays}, JSON) and answers its script id (from the
	 * 202's Location).
	 */
	UUID postPlay(Object document) {
		try {
			HttpResponse<String> response = http.send(request("POST", "/plays", JSON.writeValueAsString(document)),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 202) {
				throw new IllegalStateException(
						"POST /plays answered " + response.statusCode() + ": " + response.body());
			}
			String location = response.headers().firstValue("Location").orElseThrow();
			return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		}
		catch (IOException ex) {
			throw new IllegalStateException("POST /plays failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	JsonNode get(String path) {
		return send("GET", path, null, 200);
	}

	void delete(String path, int expected) {
		send("DELETE", path, null, expected);
	}

	/** Status only, for load: no parsing. */
	int post(String path, String json) throws IOException, InterruptedException {
		return http.send(request("POST", path, json), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private JsonNode send(String method, String path, String json, int expected) {
		try {
			HttpResponse<String> response = http.send(request(method, path, json),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != expected) {
				throw new IllegalStateException(
						method + " " + path + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest request(String method, String path, String json) {
		return HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Authorization", authorization)
			.method(method,
					json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

	static String quote(String text) {
		return JSON.writeValueAsString(text);
	}

}
