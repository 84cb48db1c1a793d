package io.fountain.edge.ops;

import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.fountain.edge.EdgeSettings;
import io.fountain.edge.ops.deadletters.DeadLetters;
import io.fountain.edge.ops.lag.LagMonitor;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The operations views' Kafka clients: an admin, readers that belong to no group, and a
 * producer for replays.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "fountain.ops.enabled", matchIfMissing = true)
class OpsConfiguration {

	@Bean
	LagMonitor lagMonitor(KafkaProperties kafka, EdgeSettings edge, OpsSettings ops, MeterRegistry meters) {
		return new LagMonitor(Admin.create(kafka.buildAdminProperties()), reader(kafka, "ops-lag"), edge.services(),
				ops.pollInterval(), ops.window(), meters);
	}

	@Bean
	DeadLetters deadLetters(KafkaProperties kafka, MeterRegistry meters) {
		Map<String, Object> producer = kafka.buildProducerProperties();
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		return new DeadLetters(Admin.create(kafka.buildAdminProperties()), reader(kafka, "ops-dead-letters"),
				new KafkaProducer<>(producer, new ByteArraySerializer(), new ByteArraySerializer()), meters);
	}

	private static KafkaConsumer<byte[], byte[]> reader(KafkaProperties kafka, String clientId) {
		Map<String, Object> config = kafka.buildConsumerProperties();
		config.remove(ConsumerConfig.GROUP_ID_CONFIG); // reads by assignment, commits
														// nothing
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
		return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

}
