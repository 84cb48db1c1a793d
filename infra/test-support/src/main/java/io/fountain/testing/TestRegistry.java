package io.fountain.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.fountain.local.ApicurioRegistry;
import io.fountain.local.Readiness;

/**
 * A real Apicurio Registry (Confluent API, BACKWARD compatibility, in-memory storage),
 * started as a process once per test JVM and stopped when the JVM exits. Its log goes to
 * {@code target/registry-<port>.log}.
 */
public final class TestRegistry {

	private static ApicurioRegistry registry;

	private TestRegistry() {
	}

	/** Base URL of its Confluent-compatible API. */
	public static synchronized String url() {
		if (registry == null) {
			int port = Readiness.freePort();
			Path log = Path.of("target", "registry-" + port + ".log").toAbsolutePath();
			try {
				Files.createDirectories(log.getParent());
				registry = ApicurioRegistry.start(port, Readiness.freePort(), null, log, Duration.ofSeconds(90));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			// A JVM hook, not Spring's shutdown handlers: those run only where a Spring
			// application ran, and a test
			// JVM without one (the example consumer's) left the registry running after
			// the build.
			ApicurioRegistry started = registry;
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-registry-stop"));
		}
		return registry.confluentApiUrl();
	}

}
