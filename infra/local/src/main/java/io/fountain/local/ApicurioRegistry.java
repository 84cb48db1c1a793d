package io.fountain.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Apicurio Registry 3 as a child process, serving the Confluent Schema Registry API at
 * {@link #confluentApiUrl()}. Compatibility is BACKWARD globally, as in Confluent's
 * registry. Storage is in memory (tests) or in a PostgreSQL database (the local stack:
 * schema ids must outlive a restart as long as Kafka's data does).
 */
public final class ApicurioRegistry implements AutoCloseable {

	private final ManagedProcess process;

	private final int port;

	private ApicurioRegistry(ManagedProcess process, int port) {
		this.process = process;
		this.port = port;
	}

	/** Where the build unpacked it ({@code infra/registry/target/apicurio-registry}). */
	public static Path home() {
		String configured = System.getProperty("fountain.registry.home");
		Path home = configured != null ? Path.of(configured)
				: Path.of("infra", "registry", "target", "apicurio-registry").toAbsolutePath();
		if (!Files.isRegularFile(home.resolve("quarkus-run.jar"))) {
			throw new IllegalStateException("Apicurio Registry is not unpacked at " + home
					+ ". Build once with ./mvnw install -DskipTests (module infra/registry unpacks it).");
		}
		return home;
	}

	/**
	 * @param sqlStorage {@code null} for in-memory storage, else JDBC URL, user and
	 * password of its own database
	 */
	public static ApicurioRegistry start(int port, int managementPort, SqlStorage sqlStorage, Path log,
			Duration timeout) throws IOException {
		List<String> command = new ArrayList<>(List.of(ManagedProcess.currentJava(), "-Xmx256m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=48m", "-Xss512k", "-Dquarkus.http.host=127.0.0.1",
				"-Dquarkus.http.port=" + port, "-Dquarkus.management.host=127.0.0.1",
				"-Dquarkus.management.port=" + managementPort, "-Dapicurio.rules.global.compatibility=BACKWARD",
				"-Dquarkus.log.level=WARN", "-Dquarkus.log.category.\"io.apicurio\".level=WARN"));
		if (sqlStorage != null) {
			command.addAll(List.of("-Dapicurio.storage.kind=sql", "-Dapicurio.storage.sql.kind=postgresql",
					"-Dapicurio.datasource.url=" + sqlStorage.jdbcUrl(),
					"-Dapicurio.datasource.username=" + sqlStorage.user(),
					"-Dapicurio.datasource.password=" + sqlStorage.password(),
					"-Dapicurio.datasource.jdbc.initial-size=2", "-Dapicurio.datasource.jdbc.min-size=2",
					"-Dapicurio.datasource.jdbc.max-size=10"));
		}
		command.addAll(List.of("-jar", home().resolve("quarkus-run.jar").toString()));
		ManagedProcess process = ManagedProcess.start("schema registry", command, Map.of(), log);
		ApicurioRegistry registry = new ApicurioRegistry(process, port);
		try {
			Readiness.await(process, timeout,
					() -> Readiness.httpOk("http://127.0.0.1:" + managementPort + "/health/ready"));
		}
		catch (RuntimeException ex) {
			process.stop();
			throw ex;
		}
		return registry;
	}

	public String confluentApiUrl() {
		return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
	}

	public ManagedProcess process() {
		return process;
	}

	@Override
	public void close() {
		process.stop();
	}

	public record SqlStorage(String jdbcUrl, String user, String password) {
	}

}
