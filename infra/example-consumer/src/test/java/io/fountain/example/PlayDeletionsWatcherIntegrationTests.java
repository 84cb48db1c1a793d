package io.fountain.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.fountain.eventing.serde.AvroCodec;
import io.fountain.eventing.serde.SchemaRegistryClient;
import io.fountain.eventing.test.UpstreamEvents;
import io.fountain.events.Topic;
import io.fountain.testing.TestKafka;
import io.fountain.testing.TestRegistry;

/**
 * The guide's example consumer, run against a real broker and registry: it sees each
 * deleted play once.
 */
class PlayDeletionsWatcherIntegrationTests {

	@Test
	void reportsEachDeletedPlayOnceAndIgnoresOtherEvents() {
		UUID deleted = UUID.randomUUID();
		UUID kept = UUID.randomUUID();
		try (UpstreamEvents scripts = new UpstreamEvents(new AvroCodec(new SchemaRegistryClient(TestRegistry.url())));
				PlayDeletionsWatcher watcher = new PlayDeletionsWatcher(TestKafka.bootstrapServers(),
						TestRegistry.url(), "watcher-" + UUID.randomUUID())) {
			var deletion = UpstreamEvents.scriptDeleted(deleted);
			scripts.send(Topic.SCRIPT, UpstreamEvents.scriptCreated(kept));
			scripts.send(Topic.SCRIPT, UpstreamEvents.scriptCreated(deleted));
			scripts.send(Topic.SCRIPT, deletion);
			scripts.send(Topic.SCRIPT, deletion); // at-least-once delivery: the same
													// event again

			List<PlayDeletionsWatcher.DeletedPlay> seen = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				seen.addAll(watcher.poll(Duration.ofMillis(500)));
				return !seen.isEmpty();
			});
			seen.addAll(watcher.poll(Duration.ofSeconds(1)));
			assertThat(seen).extracting(PlayDeletionsWatcher.DeletedPlay::scriptId).containsExactly(deleted);
			assertThat(seen.get(0).by()).isEqualTo("ada");
		}
	}

}
