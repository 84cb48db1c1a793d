package io.fountain.eventing;

import java.util.Map;

import io.fountain.callers.CallerTokens;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service that uses the eventing mechanics shares, at the lowest
 * precedence so a service's own configuration wins: records are consumed as raw bytes
 * (the {@code IdempotentConsumer} decodes them, so a dead letter keeps the original
 * bytes), the consumer group is the service's name, a new group starts from the beginning
 * of every topic, traces follow messages (one trace in ten is sampled: every one cost
 * each event a span), the outbox's batched inserts are sent as multi-row statements, and
 * logs are structured JSON carrying trace and span ids.
 */
class EventingDefaults implements EnvironmentPostProcessor {

	private static final Map<String, Object> DEFAULTS = Map.ofEntries(
			Map.entry("spring.kafka.consumer.key-deserializer",
					"org.apache.kafka.common.serialization.StringDeserializer"),
			Map.entry("spring.kafka.consumer.value-deserializer",
					"org.apache.kafka.common.serialization.ByteArrayDeserializer"),
			Map.entry("spring.kafka.consumer.group-id", "${spring.application.name}"),
			Map.entry("spring.kafka.consumer.auto-offset-reset", "earliest"),
			Map.entry("spring.kafka.consumer.max-poll-records", "500"),
			// Topics that exist already take the retention the services declare
			// (Forgetting relies on it).
			Map.entry("spring.kafka.admin.modify-topic-configs", "true"),
			Map.entry("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer"),
			Map.entry("spring.kafka.producer.value-serializer",
					"org.apache.kafka.common.serialization.ByteArraySerializer"),
			Map.entry("spring.kafka.listener.observation-enabled", "true"),
			Map.entry("spring.kafka.template.observation-enabled", "true"),
			Map.entry("management.tracing.sampling.probability", "0.1"),
			Map.entry("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true"),
			// Metrics are scraped (Prometheus); an OTLP push is opt-in, with its URL:
			// otherwise it fails every minute.
			Map.entry("management.otlp.metrics.export.enabled", "false"),
			Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus,metrics"),
			Map.entry("management.endpoint.health.probes.enabled", "true"),
			Map.entry("management.metrics.tags.application", "${spring.application.name}"),
			Map.entry("spring.flyway.locations",
					"classpath:db/eventing,classpath:db/migration/${spring.application.name}"),
			Map.entry("fountain.callers.secret", CallerTokens.LOCAL_ONLY_SECRET),
			Map.entry("logging.pattern.correlation", "[%X{traceId:-},%X{spanId:-}] "),
			// JSON lines, one per event, with traceId and spanId: what a log pipeline
			// indexes.
			Map.entry("logging.structured.format.console", "logstash"));

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().addLast(new MapPropertySource("fountainEventingDefaults", DEFAULTS));
	}

}
