package io.fountain.edge.apidocs;

import java.util.ArrayList;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * The API as clients see it through the edge: each service documents its own operations (springdoc), and this
 * merges the operations the edge routes to it into one OpenAPI document. A service that is down is named in
 * {@code x-unavailable-services} instead of failing the whole document.
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
		ObjectNode schemas = merged.putObject("components").putObject("schemas");
		List<String> unavailable = new ArrayList<>();
		for (Map.Entry<String, String> service : settings.services().entrySet()) {
			JsonNode doc;
			try {
				doc = json.readTree(downstreams.http().get().uri(service.getValue() + "/v3/api-docs").retrieve().body(String.class));
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
		paths.putObject("/scripts/{scriptId}/tree").putObject("get")
			.put("summary", "The whole play in one read: title page, characters, acts, scenes and their elements in order")
			.put("description", "Assembled by the edge from every service. Elements (type action, dialogue or "
					+ "transition) are sorted by position within their scene.")
			.putArray("parameters").addObject().put("name", "scriptId").put("in", "path").put("required", true)
			.putObject("schema").put("type", "string").put("format", "uuid");
		if (!unavailable.isEmpty()) {
			merged.putPOJO("x-unavailable-services", unavailable);
		}
		return merged;
	}

	/** Whether the edge sends a request for this path template to that service. */
	private boolean routedTo(String template, String service) {
		String sample = template.replaceAll("\\{[^}]+}", "x");
		return routes.route(sample).map(downstream -> downstream.name().equals(service)).orElse(false);
	}
}
