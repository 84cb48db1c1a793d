package io.fountain.eventing;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

import io.fountain.callers.CallerTokens;
import io.fountain.eventing.api.EventTopic;
import io.fountain.eventing.api.TopicCatalogue;
import io.fountain.eventing.inbox.AnotherServiceUnavailable;
import io.fountain.eventing.inbox.Forgetting;
import io.fountain.eventing.inbox.IdempotentConsumer;
import io.fountain.eventing.inbox.RecordTracing;
import io.fountain.eventing.inbox.Remembered;
import io.fountain.eventing.outbox.Outbox;
import io.fountain.eventing.outbox.OutboxBacklog;
import io.fountain.eventing.outbox.OutboxRelay;
import io.fountain.eventing.outbox.TraceContextCapture;
import io.fountain.eventing.serde.AvroCodec;
import io.fountain.eventing.serde.SchemaRegistryClient;
import io.fountain.eventing.serde.UndecodableEventException;
import io.fountain.eventing.web.EventContextFilter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Wires the eventing mechanics into a service: outbox and relay, serde, idempotent
 * consumer, dead letters, forgetting what no message can ask about, the topics it creates
 * and the schemas it registers, the event context of requests. What the services do with
 * scripts and parents is in their own modules (script access, parent replicas, play
 * imports), each with its auto-configuration.
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, KafkaAutoConfiguration.class })
@EnableConfigurationProperties({ EventingSettings.class, CallerSettings.class })
@ConditionalOnProperty("fountain.eventing.registry-url")
public class EventingAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EventingAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	AvroCodec avroCodec(EventingSettings settings) {
		return new AvroCodec(new SchemaRegistryClient(settings.registryUrl()));
	}

	@Bean
	@ConditionalOnMissingBean
	TraceContextCapture traceContextCapture(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		// Looked up at the first call, not now: the tracer's auto-configuration may come
		// after this one. Then kept: a
		// lookup in the bean factory per event cost the services a tenth to a fifth of
		// their CPU (JFR, issue 14).
		Supplier<Tracer> tracers = SingletonSupplier.of(tracer::getIfAvailable);
		Supplier<Propagator> propagators = SingletonSupplier.of(propagator::getIfAvailable);
		return () -> {
			Tracer t = tracers.get();
			Propagator p = propagators.get();
			return t != null && p != null ? TraceContextCapture.using(t, p).currentTraceparent() : null;
		};
	}

	@Bean
	Outbox outbox(JdbcTemplate jdbc, AvroCodec codec, TraceContextCapture traces, ObjectProvider<OutboxRelay> relay) {
		return new Outbox(jdbc, codec, traces, Clock.systemUTC(), SingletonSupplier.of(relay::getIfAvailable));
	}

	@Bean
	OutboxBacklog outboxBacklog(JdbcTemplate jdbc) {
		return new OutboxBacklog(jdbc);
	}

	@Bean
	@ConditionalOnProperty(name = "fountain.eventing.relay.enabled", matchIfMissing = true)
	OutboxRelay outboxRelay(DataSource dataSource, KafkaProperties kafka, EventingSettings settings,
			ObjectProvider<MeterRegistry> meters) {
		Map<String, Object> config = kafka.buildProducerProperties();
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + System.identityHashCode(dataSource));
		Producer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer());
		meters.ifAvailable(registry -> new KafkaClientMetrics(producer).bindTo(registry));
		EventingSettings.Relay relay = settings.relay();
		return new OutboxRelay(dataSource, producer, relay.batchSize(), relay.batchesInFlight(), relay.idlePoll(),
				relay.standbyPoll());
	}

	/**
	 * Continues the trace a record carries ({@code traceparent}) around the work it
	 * causes.
	 */
	@Bean
	RecordTracing recordTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		// Looked up at the first record and then kept, as for the outbox's trace context
		// above.
		Supplier<Tracer> tracers = SingletonSupplier.of(tracer::getIfAvailable);
		Supplier<Propagator> propagators = SingletonSupplier.of(propagator::getIfAvailable);
		return (record, work) -> {
			Tracer t = tracers.get();
			Propagator p = propagators.get();
			(t != null && p != null ? RecordTracing.using(t, p) : RecordTracing.NONE).runInTraceOf(record, work);
		};
	}

	@Bean
	IdempotentConsumer idempotentConsumer(AvroCodec codec, TopicCatalogue catalogue, JdbcTemplate jdbc,
			TransactionTemplate transactions, MeterRegistry meters, RecordTracing tracing) {
		return new IdempotentConsumer(codec, catalogue, jdbc, transactions, meters, tracing);
	}

	/**
	 * The topics there are, from the event contract on the class path: the mechanics know
	 * them only as {@link EventTopic}s.
	 */
	@Bean
	@ConditionalOnMissingBean
	static TopicCatalogue topicCatalogue() {
		return TopicCatalogue.onClassPath();
	}

	/**
	 * Reads a topic in settings ({@code fountain.eventing.produces: act, import}) by its
	 * short name in the catalogue.
	 */
	@Bean
	@ConfigurationPropertiesBinding
	static EventTopicConverter eventTopicConverter() {
		return new EventTopicConverter(TopicCatalogue.onClassPath());
	}

	/**
	 * Bounded retries with exponential backoff, then the record's original bytes and
	 * headers go to {@code <topic>.dlt} with the reason in the
	 * {@code kafka_dlt-exception-*} headers, and the partition moves on. A record that
	 * cannot be decoded goes there at once. A record that failed only because something
	 * it needs is away (another service that could not answer a read, a parent's owner or
	 * script-svc's claim check; or this service's own database) is retried for longer:
	 * the record itself is fine, and dead-lettering it would lose an effect, or fail a
	 * play, for an outage.
	 */
	@Bean
	@ConditionalOnBean(KafkaOperations.class)
	CommonErrorHandler deadLetteringErrorHandler(KafkaOperations<?, ?> template, EventingSettings settings) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(record.topic() + EventTopic.DEAD_LETTER_SUFFIX, -1));
		EventingSettings.Retry retry = settings.retry();
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(
				Math.max(0, retry.attempts() - 1));
		backOff.setInitialInterval(retry.initialBackoff().toMillis());
		backOff.setMultiplier(2.0);
		backOff.setMaxInterval(retry.maxBackoff().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(UndecodableEventException.class);
		ExponentialBackOffWithMaxRetries unavailable = new ExponentialBackOffWithMaxRetries(
				Math.max(0, retry.unavailableAttempts() - 1));
		unavailable.setInitialInterval(retry.initialBackoff().toMillis());
		unavailable.setMultiplier(2.0);
		unavailable.setMaxInterval(retry.unavailableMaxBackoff().toMillis());
		handler.setBackOffFunction((record, ex) -> causedByAnUnavailableService(ex) ? unavailable : null);
		return handler;
	}

	/**
	 * Whether the record failed only because something it needs is away for now: another
	 * service that could not answer a read, or this service's own database (connections
	 * refused or dropped, SQL states 08 and 57P).
	 */
	static boolean causedByAnUnavailableService(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof AnotherServiceUnavailable || cause instanceof DataAccessResourceFailureException
					|| cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLException sql && sql.getSQLState() != null
							&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Offsets are committed without waiting for the broker's answer. Safe because every
	 * consumer is idempotent: an offset commit lost in a crash only delivers those
	 * records again, and their ids are already in {@code processed_event}; waiting for
	 * each commit cost every poll a round trip.
	 */
	@Bean
	ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> asynchronousOffsetCommits() {
		return container -> container.getContainerProperties().setSyncCommits(false);
	}

	/**
	 * Forgets applied events and tombstones that no message still in a topic can ask
	 * about.
	 */
	@Bean
	Forgetting forgetting(JdbcTemplate jdbc, TransactionTemplate transactions, EventingSettings settings,
			ObjectProvider<Remembered> remembered) {
		EventingSettings.Retention retention = settings.retention();
		return new Forgetting(jdbc, transactions, retention.topics(), retention.segment(),
				remembered.orderedStream().toList());
	}

	@Bean
	Periodically forgettingEveryHour(Forgetting forgetting, EventingSettings settings) {
		return new Periodically("forgetting", settings.retention().forgetEvery(), forgetting::forget);
	}

	@Bean
	@ConditionalOnMissingBean
	CallerTokens callerTokens(CallerSettings settings) {
		if (CallerTokens.LOCAL_ONLY_SECRET.equals(settings.secret())) {
			log.warn(
					"fountain.callers.secret is the built-in one for tests and local runs: set your own in production");
		}
		return new CallerTokens(settings.secret());
	}

	@Bean
	KafkaAdmin.NewTopics fountainTopics(EventingSettings settings) {
		return TopicsToCreate.of(settings);
	}

	/**
	 * Registers the schemas this service writes before it takes any command: no request
	 * waits on the registry.
	 */
	@Bean
	SmartInitializingSingleton schemaRegistration(AvroCodec codec, EventingSettings settings) {
		return () -> {
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			for (EventTopic topic : settings.produces()) {
				while (true) {
					try {
						int id = codec.registry().register(topic.valueSubject(), topic.valueSchema());
						log.info("Schema of {} registered as id {}", topic.topicName(), id);
						break;
					}
					catch (SchemaRegistryClient.SchemaRegistryException ex) {
						if (System.nanoTime() > deadline || !ex.getMessage().contains("not reachable")) {
							throw new IllegalStateException("Cannot register the schema of " + topic.topicName()
									+ " at " + settings.registryUrl() + ": " + ex.getMessage(), ex);
						}
						log.info("Waiting for the schema registry at {} ...", settings.registryUrl());
						sleep();
					}
				}
			}
		};
	}

	/**
	 * The event context of each request (correlation, actor), in a class of its own: a
	 * service without the servlet API (a consumer only) must not see its types while
	 * Spring introspects this configuration.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = { "jakarta.servlet.Filter", "org.springframework.web.filter.OncePerRequestFilter" })
	static class RequestContext {

		@Bean
		FilterRegistrationBean<EventContextFilter> eventContextFilter(CallerTokens tokens) {
			FilterRegistrationBean<EventContextFilter> registration = new FilterRegistrationBean<>(
					new EventContextFilter(tokens));
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
			return registration;
		}

	}

	private static void sleep() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the schema registry", ex);
		}
	}

}
