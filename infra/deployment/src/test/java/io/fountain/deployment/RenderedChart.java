package io.fountain.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.marcnuri.helm.Helm;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The chart rendered with one of its value sets by Helm itself (helm-java embeds Helm 3),
 * as {@code helm template} would, for the Kubernetes version the schemas describe.
 * Rendered once per value set and shared by the tests.
 */
record RenderedChart(String valueSet, List<JsonNode> objects) {

	static final String RELEASE = "fountain";

	static final String NAMESPACE = "fountain";

	/**
	 * The Kubernetes version rendered for: what fabric8's kubernetes-model 6.14
	 * describes.
	 */
	static final String KUBE_VERSION = "1.31.0";

	static final YAMLMapper YAML = new YAMLMapper();

	private static final Map<String, RenderedChart> RENDERED = new ConcurrentHashMap<>();

	/**
	 * Rendered once, and written to target/rendered/<value set>.yaml for a reader to see.
	 */
	static RenderedChart of(String valueSet) {
		return RENDERED.computeIfAbsent(valueSet, set -> {
			String manifests = template(set, Map.of());
			try {
				Path file = Repository.target().resolve("rendered").resolve(set + ".yaml");
				Files.createDirectories(file.getParent());
				Files.writeString(file, manifests);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return new RenderedChart(set, parse(manifests));
		});
	}

	/** Rendered with more values set ({@code --set}), not cached. */
	static RenderedChart render(String valueSet, Map<String, Object> set) {
		return new RenderedChart(valueSet, parse(template(valueSet, set)));
	}

	private static String template(String valueSet, Map<String, Object> set) {
		var template = new Helm(Repository.chart()).template()
			.withName(RELEASE)
			.withNamespace(NAMESPACE)
			.withKubeVersion(KUBE_VERSION)
			.withValuesFile(Repository.valueSet(valueSet));
		set.forEach(template::set);
		return template.call();
	}

	static List<JsonNode> parse(String manifests) {
		List<JsonNode> objects = new ArrayList<>();
		try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(manifests)) {
			while (documents.hasNextValue()) {
				JsonNode document = documents.nextValue();
				if (document != null && document.isObject() && !document.isEmpty()) {
					objects.add(document);
				}
			}
		}
		return List.copyOf(objects);
	}

	List<JsonNode> ofKind(String kind) {
		return objects.stream().filter(o -> o.path("kind").asString().equals(kind)).toList();
	}

	JsonNode named(String kind, String name) {
		return ofKind(kind).stream()
			.filter(o -> o.path("metadata").path("name").asString().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + kind + " " + name + " in the " + valueSet + " rendering"));
	}

	/** Counts by kind, e.g. {Deployment=8, Service=8, ...}. */
	Map<String, Long> kinds() {
		Map<String, Long> kinds = new TreeMap<>();
		objects.forEach(o -> kinds.merge(o.path("kind").asString(), 1L, Long::sum));
		return kinds;
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
