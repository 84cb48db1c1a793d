package io.fountain.edge.apidocs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * (springdoc), and this merges the operations the edge routes to it into one OpenAPI
 * document. A service that is down is named in {@code x-unavailable-services} instead of
 * failing the whole document.
 */
@RestController
class ApiDocsController {

	private static final Logger log = LoggerFactory.getLogger(ApiDocsController.class);

	private final EdgeSettings settings;

	private final RouteTable routes;

	private final Downstreams downstreams;

	private final JsonMapper json;

	ApiDocsController(EdgeSettings settings, RouteTable routes, Downstreams downstreams, JsonMapper json) {
		this.settings = settings;
		this.routes = routes;
		this.downstreams = downstreams;
		this.json = json;
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
		ObjectNode paths = merged.putObject("paths");
		ObjectNode components = merged.putObject("components");
		ObjectNode schemas = components.putObject("schemas");
		List<String> unavailable = new ArrayList<>();
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
			doc.path("components").path("schemas").properties().forEach(schema -> {
				if (!schemas.has(schema.getKey())) {
					schemas.set(schema.getKey(), schema.getValue());
				}
			});
		}
		paths.putObject("/scripts/{scriptId}/tree")
			.putObject("get")
			.put("summary",
					"The whole play in one read: title page, characters, acts, scenes and their elements in order")
			.put("description",
					"Assembled by the edge from every service. Elements (type action, dialogue or "
							+ "transition) are sorted by position within their scene.")
			.putArray("parameters")
			.addObject()
			.put("name", "scriptId")
			.put("in", "path")
			.put("required", true)
			.putObject("schema")
			.put("type", "string")
			.put("format", "uuid");
		security(merged, components, paths);
		if (!unavailable.isEmpty()) {
			merged.putPOJO("x-unavailable-services", unavailable);
		}
		return merged;
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
			.putObject("items")
			.put("type", "object")
			.putObject("properties")
			.putObject("field")
			.put("type", "string");
		ObjectNode responses = components.putObject("responses");
		Map<String, String> common = new LinkedHashMap<>();
		common.put("400", "Bad input: errors[] names each field (or header) and what is wrong");
		common.put("401", "No bearer token, or one that was refused");
		common.put("403",
				"A collaborator whose role does not allow this (a viewer writing, an editor deleting or sharing)");
		common.put("404", "No such thing, or not yours: the answer does not say which");
		common.put("409", "A request with this Idempotency-Key is being answered");
		common.put("413", "The body is larger than this route accepts");
		common.put("422", "The Idempotency-Key was used for another request");
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
				ObjectNode opResponses = op.has("responses") ? (ObjectNode) op.get("responses")
						: op.putObject("responses");
				common.keySet().forEach(status -> {
					if (!opResponses.has(status)) {
						opResponses.putObject(status).put("$ref", "#/components/responses/Problem" + status);
					}
				});
				if (List.of("post", "put", "patch", "delete").contains(operation.getKey())) {
					ArrayNode parameters = op.has("parameters") ? (ArrayNode) op.get("parameters")
							: op.putArray("parameters");
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

	/** Whether the edge sends a request for this path template to that service. */
	private boolean routedTo(String template, String service) {
		String sample = template.replaceAll("\\{[^}]+}", "x");
		return routes.route(sample).map(downstream -> downstream.name().equals(service)).orElse(false);
	}

}
