package io.fountain.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.fountain.events.Topic;

/**
 * Fountain's topics and, per application, the least it may do on Kafka: derived from the
 * topic catalogue ({@link Topic}) and what each application declares
 * ({@link Application}), never written by hand.
 * <ul>
 * <li>Topics: every catalogue topic and its dead-letter topic, and the edge's compacted
 * record of what operators decided about dead letters.</li>
 * <li>A service: Write on the topics it publishes; Read on the topics it consumes, and
 * Read on each of its consumer groups; Write on the dead-letter topic of each topic it
 * consumes; DescribeConfigs on the topics it declares at start-up (it checks that they
 * exist with its partitions and retention; it creates none: the topics are the
 * operator's). Describe wherever it reads or writes.</li>
 * <li>The edge (its operations views, /ops): Describe on every service's consumer groups
 * (lag), Describe and Read on every topic (lag, the oldest record not consumed, the dead
 * letters), Write on the catalogue topics (a dead letter's replay goes back to its
 * topic), and Read and Write on its own record of decisions.</li>
 * </ul>
 */
final class KafkaAccess {

	/**
	 * Where the edge records each replay or discard of a dead letter (edge-api's
	 * {@code DeadLetters.ACTIONS}).
	 */
	static final String OPS_DEAD_LETTER_ACTIONS = "fountain.ops.dead-letter-actions";

	private final List<TopicSpec> topics;

	private final List<User> users;

	private KafkaAccess(List<TopicSpec> topics, List<User> users) {
		this.topics = topics;
		this.users = users;
	}

	/**
	 * @param name the topic's name
	 * @param deadLetters whether it holds another topic's dead letters
	 * @param compacted whether it keeps the latest record per key rather than by time
	 * @param partitions its own number of partitions, or {@code null} for the
	 * deployment's
	 */
	record TopicSpec(String name, boolean deadLetters, boolean compacted, Integer partitions) {
	}

	/**
	 * Operations allowed on one resource ({@code topic} or {@code group}, by literal
	 * name).
	 */
	record Acl(String type, String name, Set<String> operations) {
	}

	/**
	 * @param application the application (and Kafka user) name
	 * @param groups the consumer groups it reads in
	 * @param acls what it may do
	 */
	record User(String application, List<String> groups, List<Acl> acls) {

		Set<String> operationsOn(String type, String name) {
			return acls.stream()
				.filter(acl -> acl.type().equals(type) && acl.name().equals(name))
				.findFirst()
				.map(Acl::operations)
				.orElse(Set.of());
		}
	}

	List<TopicSpec> topics() {
		return topics;
	}

	List<User> users() {
		return users;
	}

	static KafkaAccess of(List<Application> applications) {
		List<TopicSpec> topics = new ArrayList<>();
		for (Topic topic : Topic.values()) {
			topics.add(new TopicSpec(topic.topicName(), false, false, null));
			topics.add(new TopicSpec(topic.deadLetterTopicName(), true, false, null));
		}
		// One partition: the edge reads it whole at start-up, and it is tiny (one record
		// per decision).
		topics.add(new TopicSpec(OPS_DEAD_LETTER_ACTIONS, false, true, 1));
		List<String> deadLetterTopics = List.of(Topic.values()).stream().map(Topic::deadLetterTopicName).toList();

		List<User> users = new ArrayList<>();
		List<String> allGroups = new ArrayList<>();
		for (Application application : applications) {
			if (!application.eventing()) {
				continue;
			}
			Map<String, Set<String>> topicOperations = new LinkedHashMap<>();
			for (Topic topic : application.produces()) {
				add(topicOperations, topic.topicName(), "Write", "Describe", "DescribeConfigs");
			}
			Map<String, List<String>> groups = application.readsByGroup(deadLetterTopics);
			groups.values().forEach(read -> read.forEach(name -> {
				if (deadLetterTopics.contains(name)) {
					add(topicOperations, name, "Read", "Describe");
				}
				else {
					add(topicOperations, name, "Read", "Describe", "DescribeConfigs");
					add(topicOperations, name + Topic.DEAD_LETTER_SUFFIX, "Write", "Describe", "DescribeConfigs");
				}
			}));
			List<Acl> acls = new ArrayList<>(topicAcls(topics, topicOperations));
			groups.keySet().forEach(group -> acls.add(new Acl("group", group, new TreeSet<>(Set.of("Read")))));
			users.add(new User(application.name(), List.copyOf(groups.keySet()), List.copyOf(acls)));
			allGroups.addAll(groups.keySet());
		}

		applications.stream().filter(a -> a.name().equals(Application.EDGE)).findFirst().ifPresent(edge -> {
			Map<String, Set<String>> topicOperations = new LinkedHashMap<>();
			for (Topic topic : Topic.values()) {
				add(topicOperations, topic.topicName(), "Describe", "Read", "Write");
				add(topicOperations, topic.deadLetterTopicName(), "Describe", "Read");
			}
			add(topicOperations, OPS_DEAD_LETTER_ACTIONS, "Describe", "Read", "Write");
			List<Acl> acls = new ArrayList<>(topicAcls(topics, topicOperations));
			allGroups.stream()
				.sorted()
				.forEach(group -> acls.add(new Acl("group", group, new TreeSet<>(Set.of("Describe")))));
			users.add(new User(edge.name(), List.of(), List.copyOf(acls)));
		});
		return new KafkaAccess(List.copyOf(topics), List.copyOf(users));
	}

	/** In the order of the topics, each once. */
	private static List<Acl> topicAcls(List<TopicSpec> topics, Map<String, Set<String>> operations) {
		List<Acl> acls = new ArrayList<>();
		for (TopicSpec topic : topics) {
			Set<String> allowed = operations.remove(topic.name());
			if (allowed != null) {
				acls.add(new Acl("topic", topic.name(), allowed));
			}
		}
		if (!operations.isEmpty()) {
			throw new IllegalStateException("Not a topic of the deployment: " + operations.keySet());
		}
		return acls;
	}

	private static void add(Map<String, Set<String>> operations, String topic, String... allowed) {
		operations.computeIfAbsent(topic, t -> new TreeSet<>()).addAll(List.of(allowed));
	}

}
