package io.fountain.eventing;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.fountain.eventing.api.EventTopic;

/**
 * Settings of the eventing mechanics, prefix {@code fountain.eventing}.
 *
 * @param registryUrl base URL of a Confluent-compatible schema registry API (for
 * Apicurio: {@code .../apis/ccompat/v7})
 * @param produces the topics this service publishes to through its outbox (their schemas
 * are registered at start-up), by their short names in the catalogue
 * ({@code act, import})
 * @param consumes the topics this service subscribes to (their dead-letter topics are
 * created beside them)
 * @param partitions partitions of every topic this service creates
 * @param replicationFactor replication factor of every topic this service creates
 * @param relay the outbox relay
 * @param retry retries of a failing message before it goes to the dead-letter topic
 * @param retention how long the topics keep records, and so how long consumers must
 * remember what they applied
 */
@ConfigurationProperties("fountain.eventing")
public record EventingSettings(String registryUrl, @DefaultValue List<EventTopic> produces,
		@DefaultValue List<EventTopic> consumes, @DefaultValue("3") int partitions,
		@DefaultValue("1") short replicationFactor, @DefaultValue Relay relay, @DefaultValue Retry retry,
		@DefaultValue Retention retention) {

	/**
	 * What the topics this service creates keep, and when what only a message could ask
	 * about is forgotten (see {@code Forgetting}).
	 *
	 * @param topics how long a topic keeps a record ({@code retention.ms})
	 * @param segment how long a topic's segment stays open at most ({@code segment.ms}):
	 * a record is deleted with its segment, so it may stay for this much longer
	 * @param forgetEvery how often to forget applied events and tombstones past the
	 * topics' reach ({@code 0}: never)
	 */
	public record Retention(@DefaultValue("7d") Duration topics, @DefaultValue("1d") Duration segment,
			@DefaultValue("1h") Duration forgetEvery) {
	}

	/**
	 * @param enabled whether this instance publishes its outbox (off only in tests that
	 * play the crash)
	 * @param batchSize rows read and sent together
	 * @param batchesInFlight batches sent and not yet acknowledged at once (the
	 * idempotent producer keeps up to five requests per partition in flight in order)
	 * @param idlePoll longest wait for a wake-up before looking at the outbox anyway (a
	 * safety net, not the mechanism)
	 * @param standbyPoll how often a standby instance tries to become the publisher
	 */
	public record Relay(@DefaultValue("true") boolean enabled, @DefaultValue("500") int batchSize,
			@DefaultValue("4") int batchesInFlight, @DefaultValue("10s") Duration idlePoll,
			@DefaultValue("2s") Duration standbyPoll) {
	}

	/**
	 * @param attempts deliveries of a failing message in all, the first included
	 * @param initialBackoff wait before the first retry; doubles at each further retry
	 * @param maxBackoff the longest wait between two retries
	 * @param unavailableAttempts deliveries in all of a message that failed because
	 * another service could not answer a read (it is restarting or down): about 6 minutes
	 * with the defaults
	 * @param unavailableMaxBackoff the longest wait between two of those
	 */
	public record Retry(@DefaultValue("4") int attempts, @DefaultValue("200ms") Duration initialBackoff,
			@DefaultValue("2s") Duration maxBackoff, @DefaultValue("40") int unavailableAttempts,
			@DefaultValue("10s") Duration unavailableMaxBackoff) {
	}
}
