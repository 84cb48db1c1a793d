package io.fountain.eventing.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;

/**
 * A client of the Confluent Schema Registry REST API, which Apicurio Registry also serves
 * (under {@code /apis/ccompat/v7}). Only what the serde needs: register a schema under a
 * subject, and fetch a schema by id. Both answers are cached for the life of the client:
 * a schema id never changes meaning.
 */
public final class SchemaRegistryClient {

	private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final URI baseUrl;

	private final HttpClient http;

	private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();

	private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

	public SchemaRegistryClient(String baseUrl) {
		this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	}

	public String baseUrl() {
		return baseUrl.toString();
	}

	/**
	 * Registers the schema under the subject (a no-op when it already is) and answers its
	 * global id.
	 */
	public int register(String subject, Schema schema) {
		return idsBySubjectAndSchema.computeIfAbsent(subject + '\n' + schema.toString(), key -> {
			String body = JSON.createObjectNode().put("schema", schema.toString()).toString();
			JsonNode answer = send(HttpRequest.newBuilder(resolve("subjects/" + encode(subject) + "/versions"))
				.header("Content-Type", CONTENT_TYPE)
				.POST(HttpRequest.BodyPublishers.ofString(body)));
			int id = answer.path("id").asInt();
			schemasById.putIfAbsent(id, schema);
			return id;
		});
	}

	/** The schema a record was written with, by the id in its first bytes. */
	public Schema schemaById(int id) {
		return schemasById.computeIfAbsent(id, key -> {
			JsonNode answer = send(HttpRequest.newBuilder(resolve("schemas/ids/" + id)).GET());
			return new Schema.Parser().parse(answer.path("schema").asText());
		});
	}

	private JsonNode send(HttpRequest.Builder request) {
		HttpRequest built = request.header("Accept", CONTENT_TYPE).timeout(Duration.ofSeconds(10)).build();
		try {
			HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
			JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
			if (response.statusCode() / 100 != 2) {
				throw new SchemaRegistryException(built.method() + " " + built.uri() + " answered "
						+ response.statusCode() + " (error_code " + body.path("error_code").asText("?") + "): "
						+ body.path("message").asText(response.body()));
			}
			return body;
		}
		catch (IOException ex) {
			throw new SchemaRegistryException("Schema registry at " + baseUrl + " is not reachable: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SchemaRegistryException("Interrupted while calling the schema registry", ex);
		}
	}

	private URI resolve(String path) {
		return baseUrl.resolve(path);
	}

	private static String encode(String subject) {
		return URLEncoder.encode(subject, StandardCharsets.UTF_8);
	}

	/** The registry refused a request or could not be reached. */
	public static final class SchemaRegistryException extends UncheckedIOException {

		SchemaRegistryException(String message) {
			super(message, new IOException(message));
		}

		SchemaRegistryException(String message, Exception cause) {
			super(message, cause instanceof IOException io ? io : new IOException(cause));
		}

	}

}
