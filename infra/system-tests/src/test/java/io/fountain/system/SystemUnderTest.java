package io.fountain.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import io.fountain.local.LocalStack;
import io.fountain.local.Readiness;
import io.fountain.local.StackConfig;

/**
 * One local stack per test JVM, started the way {@code ./infra/run-local} starts it, on
 * free ports, with its own databases (dropped afterwards) and its own data directory.
 */
final class SystemUnderTest {

	private static LocalStack stack;

	private static Path dataDir;

	private SystemUnderTest() {
	}

	static synchronized LocalStack stack() {
		if (stack == null) {
			try {
				dataDir = Files.createTempDirectory("fountain-system-");
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			Map<String, Integer> ports = Readiness.freePorts(StackConfig.DEFAULT_PORTS.keySet());
			StackConfig config = new StackConfig(Path.of(System.getProperty("fountain.repo", "../..")), dataDir, ports,
					System.getProperty("fountain.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/"),
					System.getProperty("fountain.test.postgres.user", "postgres"),
					System.getProperty("fountain.test.postgres.password", ""),
					"systest_" + UUID.randomUUID().toString().substring(0, 8), true,
					line -> System.out.println("[system-under-test] " + line), StackConfig.DEFAULT_JVM_OPTIONS)
				// Tests send hundreds of commands a minute as one user; the limits have
				// their own test at the edge.
				.withEdgeArguments(StackConfig.LOAD_GENERATOR_LIMITS);
			stack = LocalStack.start(config);
			LocalStack started = stack;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				started.close();
				started.dropDatabases();
			}, "system-under-test-stop"));
		}
		return stack;
	}

	static Path logs() {
		return dataDir.resolve("logs");
	}

}
