package io.fountain.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The Spring Boot applications of the stack, in the order they start. */
public enum Service {

	SCRIPT("script", "script-svc", 8081, true),
	ACT("act", "act-svc", 8082, true),
	SCENE("scene", "scene-svc", 8083, true),
	CHARACTER("character", "character-svc", 8084, true),
	DIALOGUE("dialogue", "dialogue-svc", 8085, true),
	TRANSITION("transition", "transition-svc", 8086, true),
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

	/** The services that own this one's parents, by parent kind (its read-your-writes lookups go there). */
	public java.util.Map<String, Service> parentOwners() {
		return switch (this) {
			case ACT, CHARACTER -> java.util.Map.of("script", SCRIPT);
			case SCENE -> java.util.Map.of("act", ACT);
			case DIALOGUE -> java.util.Map.of("scene", SCENE, "character", CHARACTER);
			case TRANSITION -> java.util.Map.of("scene", SCENE);
			case SCRIPT, EDGE -> java.util.Map.of();
		};
	}

	public static List<Service> backends() {
		return List.of(values()).stream().filter(s -> s != EDGE).toList();
	}
}
