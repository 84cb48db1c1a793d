package io.fountain.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.fountain.events.Topic;
import io.fountain.local.LocalStack;
import io.fountain.local.Service;
import io.fountain.testing.Http;

/**
 * Every topic replayed from offset 0 into fresh consumer groups changes nothing: each
 * consuming service is restarted under a new group, reads all of history again, and every
 * service's data and every topic stay as they were.
 */
class ReplaySystemIntegrationTests {

	@Test
	void replayingEveryTopicIntoFreshConsumerGroupsChangesNothing() {
		LocalStack stack = SystemUnderTest.stack();
		Http edge = new Http(stack.edgeUrl(), Map.of("Authorization", "Bearer " + stack.token("ada")));
		ServiceDatabases databases = new ServiceDatabases(stack);
		PlayThroughEdge.build(edge, "Kept");
		PlayThroughEdge deleted = PlayThroughEdge.build(edge, "Deleted");
		edge.delete("/scripts/" + deleted.scriptId);
		List<String> topics = Arrays.stream(Topic.values()).map(Topic::topicName).toList();

		try (ConsumerLag lag = new ConsumerLag(stack.bootstrapServers())) {
			await().atMost(Duration.ofSeconds(30)).until(() -> lag.total("") == 0 && databases.outboxBacklog() == 0);
			Map<String, String> before = databases.fingerprint();
			var endsBefore = lag.endOffsets(topics);

			String replay = "replay-" + UUID.randomUUID().toString().substring(0, 8);
			try {
				restartConsumers(stack,
						service -> List.of("--spring.kafka.consumer.group-id=" + service.module() + "-" + replay));

				await().atMost(Duration.ofSeconds(60)).until(() -> groupsCaughtUp(lag, replay));
				assertThat(databases.fingerprint()).isEqualTo(before);
				assertThat(lag.endOffsets(topics)).as("nothing new was published").isEqualTo(endsBefore);
			}
			finally {
				restartConsumers(stack, service -> List.of()); // back to their own
																// groups, for the other
																// tests
			}
		}
	}

	private static void restartConsumers(LocalStack stack,
			java.util.function.Function<Service, List<String>> arguments) {
		CompletableFuture
			.allOf(Service.backends()
				.stream()
				.filter(s -> !s.parentOwners().isEmpty())
				.map(service -> CompletableFuture.runAsync(() -> stack.restart(service, arguments.apply(service))))
				.toArray(CompletableFuture[]::new))
			.join();
	}

	private static boolean groupsCaughtUp(ConsumerLag lag, String replay) {
		// Each fresh group exists and has committed its way to the end of every topic it
		// reads.
		return Service.backends()
			.stream()
			.filter(s -> !s.parentOwners().isEmpty())
			.allMatch(s -> lag.total(s.module() + "-" + replay) == 0 && lag.hasGroup(s.module() + "-" + replay));
	}

}
