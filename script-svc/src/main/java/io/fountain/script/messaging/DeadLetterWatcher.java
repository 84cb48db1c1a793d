package io.fountain.script.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

import io.fountain.events.Topic;
import io.fountain.script.play.PlayProgress;

/**
 * A message about a play that ends in a dead-letter topic means a part of it may never be
 * made: a play still being created fails on it (and is undone), instead of waiting for a
 * part that will not come. Dead letters keep the original key, the script id.
 */
@Component
class DeadLetterWatcher {

	private final PlayProgress progress;

	DeadLetterWatcher(PlayProgress progress) {
		this.progress = progress;
	}

	@KafkaListener(topicPattern = Topic.Names.DEAD_LETTERS, groupId = "script-svc-dead-letters")
	void on(ConsumerRecord<String, byte[]> record) {
		UUID scriptId;
		try {
			scriptId = UUID.fromString(String.valueOf(record.key()));
		}
		catch (IllegalArgumentException notAPlay) {
			return;
		}
		String part = record.topic().split("\\.")[1];
		String group = header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, "a consumer");
		progress.deadLettered(scriptId, part, group);
	}

	private static String header(ConsumerRecord<?, ?> record, String name, String otherwise) {
		Header header = record.headers().lastHeader(name);
		return header == null ? otherwise : new String(header.value(), StandardCharsets.UTF_8);
	}

}
