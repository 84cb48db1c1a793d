package io.fountain.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Apache Kafka in KRaft combined mode (broker and controller in one process), from the
 * jars the build copied into {@code infra/kafka-broker/target/lib}. Its data lives in
 * {@code dataDir} and survives restarts.
 */
public final class KafkaBroker implements AutoCloseable {

	private final ManagedProcess process;

	private final int port;

	private KafkaBroker(ManagedProcess process, int port) {
		this.process = process;
		this.port = port;
	}

	public static KafkaBroker start(Path repoRoot, Path dataDir, int port, int controllerPort, Duration timeout)
			throws IOException, InterruptedException {
		Path lib = repoRoot.resolve("infra/kafka-broker/target/lib");
		if (!Files.isDirectory(lib)) {
			throw new IllegalStateException("The Kafka broker's jars are not at " + lib
					+ ". Build once with ./mvnw install -DskipTests (module infra/kafka-broker copies them).");
		}
		Files.createDirectories(dataDir);
		Path logs = dataDir.resolve("logs");
		Path config = dataDir.resolve("server.properties");
		Files.writeString(config,
				String.join("\n", "process.roles=broker,controller", "node.id=1",
						"controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
						"listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
						"advertised.listeners=PLAINTEXT://127.0.0.1:" + port, "controller.listener.names=CONTROLLER",
						"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
						"log.dirs=" + dataDir.resolve("data"), "num.partitions=3", "offsets.topic.replication.factor=1",
						"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
						"share.coordinator.state.topic.replication.factor=1", "share.coordinator.state.topic.min.isr=1",
						"group.initial.rebalance.delay.ms=0", "") + "\n");
		Path log4j = dataDir.resolve("log4j2.properties");
		Files.writeString(log4j, """
				rootLogger.level=WARN
				rootLogger.appenderRef.stdout.ref=STDOUT
				appender.stdout.type=Console
				appender.stdout.name=STDOUT
				appender.stdout.layout.type=PatternLayout
				appender.stdout.layout.pattern=[%d] %p %m (%c)%n
				logger.kafka.name=kafka.server.KafkaRaftServer
				logger.kafka.level=INFO
				""");
		// A broker for one machine's few dozen partitions: 256 MB of heap is ample (issue
		// 14 sized the stack under 3 GB).
		List<String> java = List.of(ManagedProcess.currentJava(), "-Xmx256m", "-Xms64m",
				"-XX:ReservedCodeCacheSize=48m", "-Dlog4j2.configurationFile=" + log4j, "-cp", lib + "/*");
		if (!Files.exists(dataDir.resolve("data/meta.properties"))) {
			List<String> format = new ArrayList<>(java);
			format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", UUID.randomUUID().toString(), "-c",
					config.toString(), "--standalone"));
			ManagedProcess formatting = ManagedProcess.start("kafka storage format", format, Map.of(),
					logs.resolve("format.log"));
			Readiness.await(null, Duration.ofSeconds(60), () -> !formatting.isAlive());
			if (!Files.exists(dataDir.resolve("data/meta.properties"))) {
				throw new IllegalStateException("Formatting Kafka's storage failed:\n" + formatting.tail(20));
			}
		}
		List<String> run = new ArrayList<>(java);
		run.addAll(List.of("kafka.Kafka", config.toString()));
		ManagedProcess process = ManagedProcess.start("kafka", run, Map.of(), logs.resolve("kafka.log"));
		try {
			Readiness.await(process, timeout, () -> Readiness.portOpen("127.0.0.1", port));
		}
		catch (RuntimeException ex) {
			process.stop();
			throw ex;
		}
		return new KafkaBroker(process, port);
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + port;
	}

	public ManagedProcess process() {
		return process;
	}

	@Override
	public void close() {
		process.stop();
	}

}
