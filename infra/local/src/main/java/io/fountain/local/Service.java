package io.fountain.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The Spring Boot applications of the stack, in the order they start. */
public enum Service {

	SCRIPT("script", "script-svc", 8081, true),
	ACT("act", "act-svc", 8082, true),
	EDGE("edge", "edge-api", 8080, false);

	private final String shortName;

	private final String module;

	private final int defaultPort;

	private final boolean hasDatabase;

	Service(String shortName, String module, int defaultPort, boolean hasDatabase) {
		this.shortName = shortName;
		this.module = module;
		this.defaultPort = defaultPort;
		this.hasDatabase = hasDatabase;
	}

	public String shortName() {
		return shortName;
	}

	public String module() {
		return module;
	}

	public int defaultPort() {
		return defaultPort;
	}

	public boolean hasDatabase() {
		return hasDatabase;
	}

	/** The runnable jar the build made ({@code <module>/target/<module>-<version>-exec.jar}). */
	public Path jar(Path repoRoot) {
		Path target = repoRoot.resolve(module).resolve("target");
		try (var files = Files.list(target)) {
			return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).findFirst()
				.orElseThrow(() -> missing(target));
		}
		catch (java.io.IOException ex) {
			throw missing(target);
		}
	}

	private IllegalStateException missing(Path target) {
		return new IllegalStateException("No runnable jar of " + module + " in " + target
				+ ". Build once with ./mvnw install -DskipTests.");
	}

	public static List<Service> backends() {
		return List.of(values()).stream().filter(s -> s != EDGE).toList();
	}
}
