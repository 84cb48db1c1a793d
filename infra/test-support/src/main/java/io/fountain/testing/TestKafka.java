package io.fountain.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.springframework.boot.SpringApplication;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The real Kafka broker integration tests run against, one per test JVM.
 * <p>
 * {@code -Dfountain.test.kafka=embedded} runs spring-kafka-test's in-JVM KRaft broker;
 * {@code =container} runs Apache Kafka in a container (Testcontainers); the default,
 * {@code auto}, takes the container where a Docker engine answers and the in-JVM broker
 * elsewhere. Either way the tests are the same and none is skipped.
 */
public final class TestKafka {

	private static String bootstrapServers;

	private TestKafka() {
	}

	public static synchronized String bootstrapServers() {
		if (bootstrapServers == null) {
			bootstrapServers = useContainer() ? startContainer() : startEmbedded();
		}
		return bootstrapServers;
	}

	private static boolean useContainer() {
		String choice = System.getProperty("fountain.test.kafka", "auto").toLowerCase(Locale.ROOT);
		return switch (choice) {
			case "container" -> true;
			case "embedded" -> false;
			default -> dockerAvailable();
		};
	}

	private static boolean dockerAvailable() {
		if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
			return false; // no engine to ask; spares the log Testcontainers' search for
							// one
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static String startEmbedded() {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
		broker.brokerProperty("auto.create.topics.enable", "true");
		broker.afterPropertiesSet();
		// After the Spring contexts have closed: their consumers leave the group while
		// the broker is still up.
		SpringApplication.getShutdownHandlers().add(broker::destroy);
		return broker.getBrokersAsString();
	}

	private static String startContainer() {
		KafkaContainer kafka = new KafkaContainer("apache/kafka:4.2.1");
		kafka.start();
		SpringApplication.getShutdownHandlers().add(kafka::stop);
		return kafka.getBootstrapServers();
	}

}
