package io.fountain.edge.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.fountain.edge.EdgeSettings;
import io.fountain.edge.routing.Downstreams;
import io.fountain.edge.routing.RouteTable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API as clients see it through the edge: each service documents its own operations
 * (springdoc: operationId, summary, tag and success answer on each controller method),
 * and this merges the operations the edge routes to it into one OpenAPI document, adds
 * the edge's own ({@code edge-api-docs.json} beside this class: the play tree, and the
 * order of the tags) and the answers the edge itself may give. A service that is down is
 * named in {@code x-unavailable-services} instead of failing the whole document.
 */
@RestController
class ApiDocsController {

	private static final Logger log = LoggerFactory.getLogger(ApiDocsController.class);

	private static final List<String> WRITES = List.of("post", "put", "patch", "delete");

	/**
	 * What only a write may answer: a role that may read but not write, an
	 * Idempotency-Key's conflicts, a body too large.
	 */
	private static final String SCHEMA_REF = "#/components/schemas/";

	private static final Set<String> WRITES_ONLY = Set.of("403", "409", "413", "422");

	private final EdgeSettings settings;

	private final RouteTable routes;

	private final Downstreams downstreams;

	private final JsonMapper json;

	private final JsonNode edgeDocs;

	ApiDocsController(EdgeSettings settings, RouteTable routes, Downstreams downstreams, JsonMapper json) {
		this.settings = settings;
		this.routes = routes;
		this.downstreams = downstreams;
		this.json = json;
		try (InputStream in = ApiDocsController.class.getResourceAsStream("edge-api-docs.json")) {
			this.edgeDocs = json.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
	JsonNode apiDocs() {
		ObjectNode merged = json.createObjectNode();
		merged.put("openapi", "3.1.0");
		merged.putObject("info")
			.put("title", "Fountain API")
			.put("version", "v1")
			.put("description", "Write and produce plays. Every error is RFC 9457 application/problem+json.");
		merged.putArray("servers").addObject().put("url", "/");
		ArrayNode tags = merged.putArray("tags");
		ObjectNode paths = merged.putObject("paths");
		ObjectNode components = merged.putObject("components");
		ObjectNode schemas = components.putObject("schemas");
		Map<String, JsonNode> tagsFound = new LinkedHashMap<>();
		List<String> unavailable = new ArrayList<>();
		Set<String> conflicts = new LinkedHashSet<>();
		for (Map.Entry<String, String> service : settings.services().entrySet()) {
			JsonNode doc;
			try {
				doc = json.readTree(downstreams.http()
					.get()
					.uri(service.getValue() + "/v3/api-docs")
					.retrieve()
					.body(String.class));
			}
			catch (RuntimeException ex) {
				log.warn("No API docs from {}-svc: {}", service.getKey(), ex.getMessage());
				unavailable.add(service.getKey() + "-svc");
				continue;
			}
			doc.path("paths").properties().forEach(path -> {
				if (routedTo(path.getKey(), service.getKey())) {
					paths.set(path.getKey(), path.getValue());
				}
			});
			doc.path("tags").forEach(tag -> tagsFound.putIfAbsent(tag.path("name").asString(), tag));
			doc.path("components").path("schemas").properties().forEach(schema -> {
				JsonNode known = schemas.get(schema.getKey());
				if (known == null) {
					schemas.set(schema.getKey(), schema.getValue());
				}
				else if (!known.equals(schema.getValue())) {
					// Two services name different things alike: the lint refuses the
					// document until one is renamed.
					conflicts.add(schema.getKey());
				}
			});
		}
		edgeDocs.path("paths").properties().forEach(path -> paths.set(path.getKey(), path.getValue().deepCopy()));
		edgeDocs.path("schemas")
			.properties()
			.forEach(schema -> schemas.set(schema.getKey(), schema.getValue().deepCopy()));
		export(paths);
		jsonFirst(paths);
		tags(tags, paths, tagsFound);
		security(merged, components, paths);
		retainReferenced(merged, schemas);
		if (!unavailable.isEmpty()) {
			merged.putPOJO("x-unavailable-services", unavailable);
		}
		if (!conflicts.isEmpty()) {
			merged.putPOJO("x-conflicting-schemas", conflicts);
		}
		return merged;
	}

	/**
	 * {@code GET /scripts/{id}} also answers the whole play as Fountain, made by the edge
	 * ({@code Accept: text/x-fountain}).
	 */
	private static void export(ObjectNode paths) {
		JsonNode get = paths.path("/scripts/{id}").path("get");
		if (get.path("responses").path("200") instanceof ObjectNode ok) {
			ObjectNode content = ok.has("content") ? (ObjectNode) ok.get("content") : ok.putObject("content");
			content.putObject("text/x-fountain").putObject("schema").put("type", "string");
			ok.put("description", "The script; with Accept: text/x-fountain, the whole play as a Fountain screenplay");
			((ObjectNode) get.get("responses")).putObject("409")
				.put("description", "Fountain was asked for while the play is still being created (or failed)")
				.putObject("content")
				.putObject("application/problem+json")
				.putObject("schema")
				.put("$ref", "#/components/schemas/Problem");
		}
	}

	/**
	 * JSON first among the bodies an operation takes ({@code POST /plays} also takes
	 * Fountain): generators type the request after the first.
	 */
	private static void jsonFirst(ObjectNode paths) {
		paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			if (operation.getValue().path("requestBody").path("content") instanceof ObjectNode content
					&& content.has(MediaType.APPLICATION_JSON_VALUE)) {
				ObjectNode ordered = content.objectNode();
				ordered.set(MediaType.APPLICATION_JSON_VALUE, content.get(MediaType.APPLICATION_JSON_VALUE));
				ordered.setAll(content);
				content.removeAll();
				content.setAll(ordered);
			}
		}));
	}

	/**
	 * Only the schemas the routed operations use: the services also document what the
	 * edge does not route.
	 */
	private static void retainReferenced(JsonNode document, ObjectNode schemas) {
		Set<String> reached = new LinkedHashSet<>();
		ArrayDeque<JsonNode> next = new ArrayDeque<>();
		document.properties()
			.stream()
			.filter(part -> !part.getKey().equals("components"))
			.forEach(part -> next.add(part.getValue()));
		next.add(document.path("components").path("responses"));
		while (!next.isEmpty()) {
			JsonNode node = next.poll();
			JsonNode ref = node.get("$ref");
			if (ref != null && ref.isString() && ref.asString().startsWith(SCHEMA_REF)) {
				String name = ref.asString().substring(SCHEMA_REF.length());
				if (reached.add(name) && schemas.has(name)) {
					next.add(schemas.get(name));
				}
			}
			if (node.isContainer()) {
				node.forEach(next::add);
			}
		}
		schemas.retain(reached);
	}

	/**
	 * Every tag the operations use, in the edge's order (the services' descriptions):
	 * generated clients get one API class per tag.
	 */
	private void tags(ArrayNode tags, ObjectNode paths, Map<String, JsonNode> found) {
		Set<String> used = new LinkedHashSet<>();
		edgeDocs.path("tags").forEach(tag -> used.add(tag.asString()));
		Set<String> inOperations = new LinkedHashSet<>();
		paths.properties()
			.forEach(path -> path.getValue()
				.properties()
				.forEach(operation -> operation.getValue()
					.path("tags")
					.forEach(tag -> inOperations.add(tag.asString()))));
		used.retainAll(inOperations);
		used.addAll(inOperations);
		used.forEach(name -> {
			ObjectNode tag = tags.addObject().put("name", name);
			JsonNode described = found.get(name);
			if (described != null && described.has("description")) {
				tag.set("description", described.get("description"));
			}
		});
	}

	/**
	 * The bearer scheme every operation needs, and the answers any operation may give
	 * besides its own: what the edge adds (401, 429, 503, and 413 / 422 / 409 for bodies
	 * and idempotency keys) and the 404 that also stands for "not yours".
	 */
	private void security(ObjectNode merged, ObjectNode components, ObjectNode paths) {
		components.putObject("securitySchemes")
			.putObject("bearer")
			.put("type", "http")
			.put("scheme", "bearer")
			.put("bearerFormat", "JWT")
			.put("description", "A JWT from the identity provider (RS256, checked against its JWKS; locally HS256 "
					+ "from ./infra/token <user>): issuer, audience, expiry and not-before are checked.");
		merged.putArray("security").addObject().putArray("bearer");
		ObjectNode problem = ((ObjectNode) components.get("schemas")).putObject("Problem");
		problem.put("type", "object").put("description", "RFC 9457 problem details");
		ObjectNode props = problem.putObject("properties");
		for (String field : List.of("type", "title", "detail", "instance", "service")) {
			props.putObject(field).put("type", "string");
		}
		props.putObject("status").put("type", "integer");
		props.putObject("errors")
			.put("type", "array")
			.put("description", "For bad input: each field (or header) that is wrong, and what is wrong with it")
			.putObject("items")
			.put("$ref", "#/components/schemas/ProblemError");
		ObjectNode error = ((ObjectNode) components.get("schemas")).putObject("ProblemError");
		error.put("type", "object");
		ObjectNode errorProps = error.putObject("properties");
		errorProps.putObject("field").put("type", "string");
		errorProps.putObject("message").put("type", "string");
		ObjectNode responses = components.putObject("responses");
		Map<String, String> common = new LinkedHashMap<>();
		common.put("400", "Bad input: errors[] names each field (or header) and what is wrong");
		common.put("401", "No bearer token, or one that was refused");
		common.put("403",
				"A collaborator whose role does not allow this (a viewer writing, an editor deleting or sharing)");
		common.put("404", "No such thing, or not yours: the answer does not say which");
		common.put("409", "A conflict: a request with this Idempotency-Key is still being answered, or the change "
				+ "conflicts with what is there (detail says which)");
		common.put("412", "The entity changed since the version If-Match named (a co-author's change came first): "
				+ "nothing was written; read it again (its ETag is the current version) and send the change with it");
		common.put("413", "The body is larger than this route accepts");
		common.put("422", "The Idempotency-Key was used for another request, or the request cannot be applied "
				+ "(detail says why)");
		common.put("429", "A rate limit or the daily quota of new scripts; Retry-After says when to try again");
		common.put("503", "A service did not answer in time; service names it. Try again shortly");
		common.forEach((status, description) -> responses.putObject("Problem" + status)
			.put("description", description)
			.putObject("content")
			.putObject("application/problem+json")
			.putObject("schema")
			.put("$ref", "#/components/schemas/Problem"));
		paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			if (operation.getValue() instanceof ObjectNode op) {
				boolean write = WRITES.contains(operation.getKey());
				ObjectNode opResponses = op.has("responses") ? (ObjectNode) op.get("responses")
						: op.putObject("responses");
				boolean ifMatch = hasHeader(op, "If-Match");
				common.keySet().forEach(status -> {
					if (!opResponses.has(status) && (write || !WRITES_ONLY.contains(status))
							&& (ifMatch || !status.equals("412"))) {
						opResponses.putObject(status).put("$ref", "#/components/responses/Problem" + status);
					}
				});
				if (hasHeader(op, "If-None-Match") && !opResponses.has("304")) {
					opResponses.putObject("304")
						.put("description", "Not modified: the ETag sent in If-None-Match is current (no body)");
				}
				if (write) {
					ArrayNode parameters = op.has("parameters") ? (ArrayNode) op.get("parameters")
							: op.putArray("parameters");
					// A service that reads the key itself (POST /plays) declares it
					// already.
					parameters.removeIf(parameter -> parameter.path("in").asString().equals("header")
							&& parameter.path("name").asString().equalsIgnoreCase("Idempotency-Key"));
					parameters.addObject()
						.put("name", "Idempotency-Key")
						.put("in", "header")
						.put("required", false)
						.put("description", "The same key with the same request within 24 hours replays the first "
								+ "answer (Idempotent-Replayed: true) and changes nothing; with another request: 422")
						.putObject("schema")
						.put("type", "string")
						.put("maxLength", 200);
				}
			}
		}));
	}

	/** Whether the operation takes that request header (a conditional request's). */
	private static boolean hasHeader(ObjectNode operation, String name) {
		for (JsonNode parameter : operation.path("parameters")) {
			if (parameter.path("in").asString().equals("header")
					&& parameter.path("name").asString().equalsIgnoreCase(name)) {
				return true;
			}
		}
		return false;
	}

	/** Whether the edge sends a request for this path template to that service. */
	private boolean routedTo(String template, String service) {
		String sample = template.replaceAll("\\{[^}]+}", "x");
		return routes.route(sample).map(downstream -> downstream.name().equals(service)).orElse(false);
	}

}
