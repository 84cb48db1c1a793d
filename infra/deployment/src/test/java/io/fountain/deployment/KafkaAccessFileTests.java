package io.fountain.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.fountain.events.Topic;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's topics and Kafka users are generated from the topic catalogue and the
 * applications' declarations, and the committed file is what the generator makes now. To
 * regenerate after a change:
 * {@code ./mvnw -pl infra/deployment verify -Dfountain.deployment.write=true}
 * (docs/deployment.md).
 */
class KafkaAccessFileTests {

	private static final List<String> SERVICES = List.of("act-svc", "character-svc", "dialogue-svc", "scene-svc",
			"script-svc", "transition-svc");

	private final Path repository = Repository.root();

	private final KafkaAccess access = KafkaAccess.of(Application.in(repository));

	@Test
	void theCommittedFileIsWhatTheGeneratorMakesNow() throws IOException {
		Path file = repository.resolve(KafkaAccessFile.PATH);
		String generated = KafkaAccessFile.render(repository);
		if (Boolean.getBoolean("fountain.deployment.write")) {
			Files.writeString(file, generated, StandardCharsets.UTF_8);
		}
		assertThat(file).exists();
		assertThat(Files.readString(file))
			.as("%s differs from what the generator makes now: a topic, a service's produces/consumes or the rules"
					+ " changed. Regenerate it (see this class's comment) and review the diff.", KafkaAccessFile.PATH)
			.isEqualTo(generated);
	}

	@Test
	void theApplicationsAreTheSixServicesAndTheEdge() {
		assertThat(Application.in(repository)).extracting(Application::name)
			.containsExactlyElementsOf(new TreeSet<>(Stream.concat(SERVICES.stream(), Stream.of("edge-api")).toList()));
		assertThat(Application.in(repository)).filteredOn(Application::eventing)
			.extracting(Application::name)
			.containsExactlyElementsOf(SERVICES);
	}

	@Test
	void everyCatalogueTopicHasItsDeadLetterTopicAndTheEdgeItsRecordOfDecisions() {
		List<String> expected = new ArrayList<>();
		for (Topic topic : Topic.values()) {
			expected.add(topic.topicName());
			expected.add(topic.topicName() + ".dlt");
		}
		expected.add("fountain.ops.dead-letter-actions");
		assertThat(access.topics()).extracting(KafkaAccess.TopicSpec::name).containsExactlyElementsOf(expected);
		assertThat(access.topics()).hasSize(2 * Topic.values().length + 1);
		assertThat(access.topics()).filteredOn(KafkaAccess.TopicSpec::deadLetters).hasSize(Topic.values().length);
		assertThat(access.topics()).filteredOn(KafkaAccess.TopicSpec::compacted)
			.singleElement()
			.satisfies(t -> assertThat(t.partitions()).isEqualTo(1));
	}

	@Test
	void aServiceWritesWhatItPublishesAndTheDeadLettersOfWhatItReadsNothingElse() {
		assertThat(topicsWith("act-svc", "Write")).containsExactlyInAnyOrder("fountain.act.events",
				"fountain.import.events", "fountain.script.events.dlt");
		assertThat(topicsWith("scene-svc", "Write")).containsExactlyInAnyOrder("fountain.scene.events",
				"fountain.action.events", "fountain.import.events", "fountain.act.events.dlt",
				"fountain.script.events.dlt");
		assertThat(topicsWith("dialogue-svc", "Write")).containsExactlyInAnyOrder("fountain.dialogue.events",
				"fountain.import.events", "fountain.scene.events.dlt", "fountain.character.events.dlt",
				"fountain.script.events.dlt");
		assertThat(topicsWith("script-svc", "Write")).containsExactlyInAnyOrder("fountain.script.events",
				"fountain.act.events.dlt", "fountain.scene.events.dlt", "fountain.action.events.dlt",
				"fountain.character.events.dlt", "fountain.dialogue.events.dlt", "fountain.transition.events.dlt",
				"fountain.import.events.dlt");
	}

	@Test
	void aServiceReadsWhatItConsumesInItsGroupsAndScriptEventsForAccessAndImports() {
		assertThat(user("act-svc").groups()).containsExactly("act-svc", "act-svc-access");
		assertThat(topicsWith("act-svc", "Read")).containsExactly("fountain.script.events");
		// ADR 13: scene-, dialogue- and transition-svc make their parts of an imported
		// play from the script's creation.
		assertThat(user("scene-svc").groups()).containsExactly("scene-svc", "scene-svc-access");
		assertThat(topicsWith("scene-svc", "Read")).containsExactlyInAnyOrder("fountain.script.events",
				"fountain.act.events");
		assertThat(topicsWith("dialogue-svc", "Read")).containsExactlyInAnyOrder("fountain.script.events",
				"fountain.scene.events", "fountain.character.events");
		assertThat(topicsWith("transition-svc", "Read")).containsExactlyInAnyOrder("fountain.script.events",
				"fountain.scene.events");
		// script-svc keeps the access record itself, and watches every dead-letter topic
		// for the plays it creates.
		assertThat(user("script-svc").groups()).containsExactly("script-svc", "script-svc-dead-letters");
		assertThat(topicsWith("script-svc", "Read")).hasSize(7 + Topic.values().length)
			.doesNotContain("fountain.script.events");
		for (String service : SERVICES) {
			KafkaAccess.User user = user(service);
			assertThat(user.acls()).filteredOn(acl -> acl.type().equals("group"))
				.allSatisfy(acl -> assertThat(acl.operations()).containsExactly("Read"))
				.extracting(KafkaAccess.Acl::name)
				.containsExactlyElementsOf(user.groups());
		}
	}

	@Test
	void theEdgeDescribesEveryGroupReadsEveryTopicAndWritesOnlyWhereAReplayOrADecisionGoes() {
		KafkaAccess.User edge = user("edge-api");
		List<String> groups = access.users().stream().flatMap(u -> u.groups().stream()).sorted().toList();
		assertThat(groups).hasSize(12);
		assertThat(edge.groups()).isEmpty();
		assertThat(edge.acls()).filteredOn(acl -> acl.type().equals("group"))
			.allSatisfy(acl -> assertThat(acl.operations()).containsExactly("Describe"))
			.extracting(KafkaAccess.Acl::name)
			.containsExactlyElementsOf(groups);
		assertThat(topicsWith("edge-api", "Read")).hasSize(access.topics().size());
		assertThat(topicsWith("edge-api", "Write")).containsExactlyInAnyOrderElementsOf(Stream
			.concat(Stream.of(Topic.values()).map(Topic::topicName), Stream.of("fountain.ops.dead-letter-actions"))
			.toList());
	}

	@Test
	void nobodyMayCreateDeleteOrAlterAnything() {
		assertThat(access.users()).flatExtracting(KafkaAccess.User::acls)
			.flatExtracting(acl -> List.copyOf(acl.operations()))
			.containsOnly("Read", "Write", "Describe", "DescribeConfigs");
		assertThat(access.users()).flatExtracting(KafkaAccess.User::acls)
			.extracting(KafkaAccess.Acl::type)
			.containsOnly("topic", "group");
	}

	/**
	 * Every consumer group the code names (a {@code groupId} of a {@code @KafkaListener})
	 * is one the generated ACLs allow: a new listener in a group of its own would be
	 * refused by the broker.
	 */
	@Test
	void everyConsumerGroupNamedInTheCodeHasItsAcl() throws IOException {
		Pattern groupId = Pattern.compile("groupId\\s*=\\s*\"([^\"]+)\"");
		Set<String> named = new TreeSet<>();
		try (Stream<Path> files = Files.walk(repository, 12)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java"))
				.filter(f -> f.toString().contains("/src/main/java/"))
				.filter(f -> !f.startsWith(repository.resolve("infra/example-consumer")))
				.toList()) {
				String source = Files.readString(file);
				if (!source.contains("@KafkaListener")) {
					continue;
				}
				Matcher matcher = groupId.matcher(source);
				while (matcher.find()) {
					named.add(matcher.group(1));
				}
			}
		}
		assertThat(named).as("groupIds in @KafkaListener").isNotEmpty();
		for (String group : named) {
			if (group.startsWith("${spring.application.name}")) {
				String suffix = group.substring("${spring.application.name}".length());
				assertThat(access.users()).filteredOn(u -> !u.groups().isEmpty())
					.filteredOn(u -> !u.application().equals("script-svc") || !suffix.equals("-access"))
					.allSatisfy(u -> assertThat(u.groups()).contains(u.application() + suffix));
			}
			else {
				assertThat(access.users()).as("a Kafka user allowed to read in group " + group)
					.anySatisfy(u -> assertThat(u.groups()).contains(group));
			}
		}
	}

	@Test
	void theOpsTopicIsTheOneTheEdgeWritesItsDecisionsTo() throws IOException {
		try (Stream<Path> files = Files.walk(repository.resolve("edge-api/src/main/java"))) {
			assertThat(files.filter(f -> f.toString().endsWith(".java")).map(RenderedChart::read))
				.anyMatch(source -> source.contains("\"" + KafkaAccess.OPS_DEAD_LETTER_ACTIONS + "\""));
		}
	}

	private KafkaAccess.User user(String application) {
		return access.users().stream().filter(u -> u.application().equals(application)).findFirst().orElseThrow();
	}

	private List<String> topicsWith(String application, String operation) {
		return user(application).acls()
			.stream()
			.filter(acl -> acl.type().equals("topic") && acl.operations().contains(operation))
			.map(KafkaAccess.Acl::name)
			.toList();
	}

	static Map<String, KafkaAccess.User> usersByApplication(KafkaAccess access) {
		Map<String, KafkaAccess.User> users = new LinkedHashMap<>();
		access.users().forEach(u -> users.put(u.application(), u));
		return users;
	}

}
