package io.fountain.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema of every kind of object the chart renders, by apiVersion and kind:
 * <ul>
 * <li>Kubernetes' own (Deployment, Service, ConfigMap, Secret, ServiceAccount,
 * PodDisruptionBudget, HorizontalPodAutoscaler): fabric8 kubernetes-model's
 * {@code schema/validation-schema.json}, unpacked by the build;</li>
 * <li>Strimzi's (Kafka, KafkaNodePool, KafkaTopic, KafkaUser): the
 * {@code openAPIV3Schema} of the CRDs that Strimzi's CrdGenerator made from
 * {@code io.strimzi:api} in the build;</li>
 * <li>CloudNativePG's (Cluster, ScheduledBackup): {@code schemas/cloudnativepg.json} in
 * the test resources, written from CloudNativePG's API reference for the fields the chart
 * uses (CloudNativePG publishes no Java model).</li>
 * </ul>
 * All are made strict the way {@code kubectl apply --validate=strict} is: a field the
 * schema does not know is an error, not something the API server silently drops. A kind
 * with no schema is an error too.
 */
final class ObjectSchemas {

	private static final JsonMapper JSON = new JsonMapper();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String[] KUBERNETES_MODULES = { "core", "apps", "policy", "autoscaling" };

	private static final String[] STRIMZI_KINDS = { "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser" };

	private static ObjectSchemas loaded;

	private final Map<String, Schema> byType = new HashMap<>();

	static synchronized ObjectSchemas load() {
		if (loaded == null) {
			loaded = new ObjectSchemas();
		}
		return loaded;
	}

	private ObjectSchemas() {
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
		loadKubernetes(registry);
		loadStrimzi(registry);
		loadCloudNativePg(registry);
	}

	/** The "apiVersion/kind" of every object this can check. */
	Set<String> types() {
		return Collections.unmodifiableSet(byType.keySet());
	}

	/** What is wrong with the object, empty when it is valid. */
	List<String> problems(JsonNode object) {
		String type = type(object);
		Schema schema = byType.get(type);
		if (schema == null) {
			return List.of("no schema for " + type);
		}
		return schema.validate(object).stream().map(Error::toString).toList();
	}

	static String type(JsonNode object) {
		return object.path("apiVersion").asString() + "/" + object.path("kind").asString();
	}

	private void loadKubernetes(SchemaRegistry registry) {
		ObjectNode definitions = NODES.objectNode();
		for (String module : KUBERNETES_MODULES) {
			Path file = Repository.target()
				.resolve("kubernetes-schemas")
				.resolve(module)
				.resolve("schema/validation-schema.json");
			JsonNode schema = JSON.readTree(read(file));
			schema.path("definitions").properties().forEach(entry -> definitions.set(entry.getKey(), entry.getValue()));
		}
		List<String> resources = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : definitions.properties()) {
			String name = entry.getKey();
			if (name.endsWith("_Quantity")) {
				entry.setValue(NODES.objectNode().set("type", strings("string", "integer", "number")));
			}
			else if (name.endsWith("_IntOrString")) {
				entry.setValue(NODES.objectNode().set("type", strings("string", "integer")));
			}
			else if (name.endsWith("_MicroTime")) {
				entry.setValue(NODES.objectNode().put("type", "string"));
			}
			else {
				JsonNode properties = entry.getValue().path("properties");
				if (properties.path("apiVersion").has("default") && properties.path("kind").has("default")) {
					resources.add(name);
				}
			}
		}
		definitions.properties().forEach(entry -> strict(entry.getValue()));
		for (String name : resources) {
			ObjectNode properties = (ObjectNode) definitions.path(name).path("properties");
			String apiVersion = properties.path("apiVersion").path("default").asString();
			String kind = properties.path("kind").path("default").asString();
			properties.set("apiVersion", NODES.objectNode().set("enum", strings(apiVersion)));
			properties.set("kind", NODES.objectNode().set("enum", strings(kind)));
			((ObjectNode) definitions.path(name)).set("required", strings("apiVersion", "kind", "metadata"));
			ObjectNode root = NODES.objectNode();
			root.put("$schema", "http://json-schema.org/draft-07/schema#");
			root.put("$ref", "#/definitions/" + name);
			root.set("definitions", definitions);
			byType.put(apiVersion + "/" + kind, registry.getSchema(root));
		}
	}

	private void loadStrimzi(SchemaRegistry registry) {
		for (String kind : STRIMZI_KINDS) {
			JsonNode crd = RenderedChart.YAML
				.readTree(read(Repository.target().resolve("strimzi-crds/" + kind + ".yaml")));
			String group = crd.path("spec").path("group").asString();
			for (JsonNode version : crd.path("spec").path("versions")) {
				ObjectNode schema = ((ObjectNode) version.path("schema").path("openAPIV3Schema")).deepCopy();
				strict(schema);
				String apiVersion = group + "/" + version.path("name").asString();
				ObjectNode properties = (ObjectNode) schema.path("properties");
				properties.set("apiVersion", NODES.objectNode().set("enum", strings(apiVersion)));
				properties.set("kind", NODES.objectNode().set("enum", strings(kind)));
				schema.set("required", strings("apiVersion", "kind", "metadata", "spec"));
				schema.put("$schema", "http://json-schema.org/draft-07/schema#");
				byType.put(apiVersion + "/" + kind, registry.getSchema(schema));
			}
		}
	}

	private void loadCloudNativePg(SchemaRegistry registry) {
		JsonNode file;
		try (var in = ObjectSchemas.class.getResourceAsStream("/schemas/cloudnativepg.json")) {
			file = JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (Map.Entry<String, JsonNode> kind : file.path("kinds").properties()) {
			ObjectNode root = NODES.objectNode();
			root.put("$schema", "http://json-schema.org/draft-07/schema#");
			root.put("$ref", "#/definitions/" + kind.getKey());
			root.set("definitions", file.path("definitions"));
			byType.put(kind.getValue().asString() + "/" + kind.getKey(), registry.getSchema(root));
		}
	}

	/**
	 * Every object schema that lists its properties allows no others, unless it keeps
	 * unknown fields on purpose ({@code x-kubernetes-preserve-unknown-fields}) or says
	 * what the others are (a map's value schema).
	 */
	private static void strict(JsonNode node) {
		if (node instanceof ObjectNode object) {
			JsonNode properties = object.get("properties");
			JsonNode additional = object.get("additionalProperties");
			boolean preserves = object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
			if (properties != null && properties.isObject() && !preserves
					&& (additional == null || additional.isBoolean())) {
				object.put("additionalProperties", false);
			}
			// Draft 3's "required": true on a property means nothing to draft 7 (and
			// breaks some validators).
			if (object.path("required").isBoolean()) {
				object.remove("required");
			}
			object.properties().forEach(entry -> strict(entry.getValue()));
		}
		else if (node instanceof ArrayNode array) {
			array.forEach(ObjectSchemas::strict);
		}
	}

	private static ArrayNode strings(String... values) {
		ArrayNode array = NODES.arrayNode();
		Stream.of(values).forEach(array::add);
		return array;
	}

	private static String read(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException(file + " is missing: the build makes it (generate-test-resources); run the"
					+ " tests with Maven, e.g. ./mvnw -pl infra/deployment verify");
		}
		return RenderedChart.read(file);
	}

}
