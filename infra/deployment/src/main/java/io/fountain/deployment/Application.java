package io.fountain.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.fountain.events.Topic;

/**
 * What a runnable application declares about Kafka in its {@code application.yml}: its
 * name (its consumer group), the topics it publishes and consumes
 * ({@code fountain.eventing.produces} and {@code consumes}), and whether it keeps a
 * replica of who may see each script ({@code fountain.access.replica}, true unless it is
 * script-svc).
 *
 * @param name {@code spring.application.name}
 * @param module the Maven module's directory, relative to the repository
 * @param eventing whether it uses the eventing mechanics (a service; the edge does not)
 * @param produces {@code fountain.eventing.produces}
 * @param consumes {@code fountain.eventing.consumes}
 * @param accessReplica {@code fountain.access.replica}
 */
record Application(String name, String module, boolean eventing, List<Topic> produces, List<Topic> consumes,
		boolean accessReplica) {

	static final String EDGE = "edge-api";

	/**
	 * The runnable applications of the repository: the modules with a
	 * {@code src/main/resources/application.yml} (the same rule picks the modules made
	 * into images), by name.
	 */
	static List<Application> in(Path repository) {
		List<Application> applications = new ArrayList<>();
		for (Path parent : List.of(repository, repository.resolve("infra"))) {
			try (Stream<Path> modules = Files.list(parent)) {
				modules.map(module -> module.resolve("src/main/resources/application.yml"))
					.filter(Files::isRegularFile)
					.forEach(yml -> applications.add(read(yml, repository)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		applications.sort(Comparator.comparing(Application::name));
		return List.copyOf(applications);
	}

	static Application read(Path applicationYml, Path repository) {
		Map<String, Object> yml;
		try (InputStream in = Files.newInputStream(applicationYml)) {
			yml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String module = repository.relativize(applicationYml.getParent().getParent().getParent().getParent())
			.toString();
		String name = string(yml, "spring.application.name");
		if (name == null) {
			throw new IllegalStateException(applicationYml + " has no spring.application.name");
		}
		boolean eventing = string(yml, "fountain.eventing.registry-url") != null;
		String replica = string(yml, "fountain.access.replica");
		return new Application(name, module, eventing, topics(yml, "fountain.eventing.produces"),
				topics(yml, "fountain.eventing.consumes"), eventing && !"false".equals(replica));
	}

	/** The consumer groups it reads in, each with the topics it reads there. */
	Map<String, List<String>> readsByGroup(List<String> deadLetterTopics) {
		Map<String, List<String>> groups = new LinkedHashMap<>();
		if (!eventing) {
			return groups;
		}
		List<String> own = new ArrayList<>(consumes.stream().map(Topic::topicName).toList());
		// ADR 13: a service that makes its part of an imported play (it reports refusals
		// on the import topic) makes
		// it from the script's creation, read in its own group.
		if (produces.contains(Topic.IMPORT) && !consumes.contains(Topic.SCRIPT)) {
			own.add(0, Topic.SCRIPT.topicName());
		}
		if (!own.isEmpty()) {
			groups.put(name, List.copyOf(own));
		}
		// ADR 11 and 12: the replica of script access, and the script's deletion in one
		// step, follow script events in
		// a group of their own.
		if (accessReplica) {
			groups.put(name + "-access", List.of(Topic.SCRIPT.topicName()));
		}
		// The saga's owner (it counts the parts of a play from every topic and the
		// refusals on the import topic)
		// fails a play still being created when one of its parts is dead-lettered.
		if (consumes.contains(Topic.IMPORT)) {
			groups.put(name + "-dead-letters", List.copyOf(deadLetterTopics));
		}
		return groups;
	}

	private static List<Topic> topics(Map<String, Object> yml, String path) {
		Object value = value(yml, path);
		if (value == null) {
			return List.of();
		}
		List<String> names = value instanceof List<?> list ? list.stream().map(String::valueOf).toList()
				: List.of(String.valueOf(value).split(","));
		return names.stream()
			.map(String::trim)
			.filter(n -> !n.isEmpty())
			.map(n -> Topic.valueOf(n.toUpperCase(Locale.ROOT).replace('-', '_')))
			.toList();
	}

	private static String string(Map<String, Object> yml, String path) {
		Object value = value(yml, path);
		return value == null ? null : String.valueOf(value);
	}

	@SuppressWarnings("unchecked")
	private static Object value(Map<String, Object> yml, String path) {
		Object node = yml;
		for (String key : path.split("\\.")) {
			if (!(node instanceof Map<?, ?> map)) {
				return null;
			}
			node = ((Map<String, Object>) map).get(key);
		}
		return node;
	}
}
