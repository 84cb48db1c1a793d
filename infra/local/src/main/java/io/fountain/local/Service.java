package io.fountain.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The Spring Boot applications of the stack, in the order they start. */
public enum Service {

	// Heaps: the services that handle a play's every row (script-svc counts them, scene-
	// and dialogue-svc hold the
	// most) and the edge keep 160 MB, room for the x10 play; act-, character- and
	// transition-svc hold a few hundred
	// rows of a play and stay far below 96 MB live (JFR, issue 14). A JVM's heap ends up
	// touched up to its maximum
	// between full collections, so the maximum is what the machine pays.
	SCRIPT("script", "script-svc", 8081, true, 160), ACT("act", "act-svc", 8082, true, 96),
	SCENE("scene", "scene-svc", 8083, true, 160), CHARACTER("character", "character-svc", 8084, true, 96),
	DIALOGUE("dialogue", "dialogue-svc", 8085, true, 160), TRANSITION("transition", "transition-svc", 8086, true, 96),
	EDGE("edge", "edge-api", 8080, false, 160);

	private final String shortName;

	private final String module;

	private final int defaultPort;

	private final boolean hasDatabase;

	private final int heapMegabytes;

	Service(String shortName, String module, int defaultPort, boolean hasDatabase, int heapMegabytes) {
		this.shortName = shortName;
		this.module = module;
		this.defaultPort = defaultPort;
		this.hasDatabase = hasDatabase;
		this.heapMegabytes = heapMegabytes;
	}

	/**
	 * The largest heap the stack gives this application unless {@code FOUNTAIN_JVM_OPTS}
	 * says otherwise.
	 */
	public int heapMegabytes() {
		return heapMegabytes;
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

	/**
	 * The runnable jar the build made
	 * ({@code <module>/target/<module>-<version>-exec.jar}).
	 */
	public Path jar(Path repoRoot) {
		Path target = repoRoot.resolve(module).resolve("target");
		try (var files = Files.list(target)) {
			return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar"))
				.findFirst()
				.orElseThrow(() -> missing(target));
		}
		catch (IOException ex) {
			throw missing(target);
		}
	}

	private IllegalStateException missing(Path target) {
		return new IllegalStateException(
				"No runnable jar of " + module + " in " + target + ". Build once with ./mvnw install -DskipTests.");
	}

	/**
	 * The services that own this one's parents, by parent kind (its read-your-writes
	 * lookups go there).
	 */
	public Map<String, Service> parentOwners() {
		return switch (this) {
			case ACT, CHARACTER -> Map.of("script", SCRIPT);
			case SCENE -> Map.of("act", ACT);
			case DIALOGUE -> Map.of("scene", SCENE, "character", CHARACTER);
			case TRANSITION -> Map.of("scene", SCENE);
			case SCRIPT, EDGE -> Map.of();
		};
	}

	public static List<Service> backends() {
		return List.of(values()).stream().filter(s -> s != EDGE).toList();
	}

}
