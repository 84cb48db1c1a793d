package io.fountain.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.springframework.boot.SpringApplication;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The real Kafka broker integration tests run against, one per test JVM.
 * <p>
 * {@code -Dfountain.test.kafka=embedded} runs spring-kafka-test's in-JVM KRaft broker;
 * {@code =container} runs Apache Kafka in a container (Testcontainers'
 * {@link KafkaContainer}); the default, {@code auto}, takes the container where a Docker
 * engine answers and the in-JVM broker elsewhere. Either way the tests are the same and
 * none is skipped.
 * <p>
 * The container's image is {@code -Dfountain.test.kafka.image} (default
 * {@value #DEFAULT_IMAGE}), declared a compatible substitute for {@code apache/kafka}
 * rather than tagged as it: where no registry can be reached, the project's own broker
 * image ({@code infra/images/kafka/build --load},
 * {@code localhost/fountain/kafka-broker}), which provides what {@link KafkaContainer}
 * expects of apache/kafka's. On podman: {@code infra/podman/container-tests}.
 */
public final class TestKafka {

	static final String DEFAULT_IMAGE = "apache/kafka:4.2.1";

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
		String image = System.getProperty("fountain.test.kafka.image", DEFAULT_IMAGE);
		KafkaContainer kafka = new KafkaContainer(
				DockerImageName.parse(image).asCompatibleSubstituteFor("apache/kafka"));
		kafka.start();
		SpringApplication.getShutdownHandlers().add(kafka::stop);
		System.err.println("TestKafka: broker in container " + kafka.getContainerId() + " (" + image + ") at "
				+ kafka.getBootstrapServers());
		return kafka.getBootstrapServers();
	}

}
