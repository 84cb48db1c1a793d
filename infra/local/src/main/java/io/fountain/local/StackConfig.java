package io.fountain.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How to run the local stack: where the repository and the data are, which ports, which
 * PostgreSQL.
 *
 * @param repoRoot the checkout (jars and the unpacked registry are found under it)
 * @param dataDir Kafka's data, the logs, an embedded PostgreSQL's data
 * @param ports each port by its name (see {@link #DEFAULT_PORTS})
 * @param pgServerUrl JDBC URL of the PostgreSQL server, without a database
 * @param databasePrefix the stack's databases are {@code <prefix>_script},
 * {@code <prefix>_act}, ...
 * @param clean start from nothing: drop the databases and Kafka's data first
 * @param progress where progress lines go
 * @param serviceJvmOptions the JVM options of every service and edge-api
 * @param edgeArguments settings the edge starts with every time (e.g. rate limits a load
 * generator would hit)
 * @param serviceArguments settings every other service starts with every time
 */
public record StackConfig(Path repoRoot, Path dataDir, Map<String, Integer> ports, String pgServerUrl, String pgUser,
		String pgPassword, String databasePrefix, boolean clean, Consumer<String> progress,
		List<String> serviceJvmOptions, List<String> edgeArguments, List<String> serviceArguments) {

	public StackConfig(Path repoRoot, Path dataDir, Map<String, Integer> ports, String pgServerUrl, String pgUser,
			String pgPassword, String databasePrefix, boolean clean, Consumer<String> progress,
			List<String> serviceJvmOptions) {
		this(repoRoot, dataDir, ports, pgServerUrl, pgUser, pgPassword, databasePrefix, clean, progress,
				serviceJvmOptions, List.of(), List.of());
	}

	/** The same stack, its edge started with these settings too. */
	public StackConfig withEdgeArguments(List<String> arguments) {
		return new StackConfig(repoRoot, dataDir, ports, pgServerUrl, pgUser, pgPassword, databasePrefix, clean,
				progress, serviceJvmOptions, List.copyOf(arguments), serviceArguments);
	}

	/** The same stack, every service but the edge started with these settings too. */
	public StackConfig withServiceArguments(List<String> arguments) {
		return new StackConfig(repoRoot, dataDir, ports, pgServerUrl, pgUser, pgPassword, databasePrefix, clean,
				progress, serviceJvmOptions, edgeArguments, List.copyOf(arguments));
	}

	/**
	 * Rate limits high enough for a load generator that speaks as a few users at hundreds
	 * of commands a second (the benchmark, the fault suite): they measure the system, not
	 * the limiter's refusals.
	 */
	public static final List<String> LOAD_GENERATOR_LIMITS = List.of("--fountain.edge.limits.per-user=1000000",
			"--fountain.edge.limits.scripts-per-day=1000000");

	/**
	 * Small heaps (the services kept under 50 MB live after a collection in the JFR
	 * profile of the benchmark's ×1 runs: 160 MB leaves room for the ×10 play) and both
	 * compilers. The stack once ran the C1 compiler only, to start seven JVMs on two
	 * cores in time; each JVM now starts from an ahead-of-time cache of its classes
	 * ({@link AotCache}), which gives back more start-up than C1 did, and C2 compiles
	 * what is hot ({@code FOUNTAIN_JVM_OPTS} overrides, e.g. for a benchmark).
	 */
	public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx160m", "-XX:+UseSerialGC",
			// With C2, 64 MB of code cache filled up: 18 full collections to unload code
			// in one benchmark run (one of
			// 1.5 s) and C2 still compiling in every timed phase (JFR, issue 14). The
			// cache is committed as it fills.
			"-XX:ReservedCodeCacheSize=128m", "-XX:MaxMetaspaceSize=160m", "-Xss512k");

	/** Port names, their defaults, and the environment variables that change them. */
	public static final Map<String, Integer> DEFAULT_PORTS;

	static {
		Map<String, Integer> ports = new LinkedHashMap<>();
		ports.put("edge", 8080);
		for (Service service : Service.values()) {
			if (service != Service.EDGE) {
				ports.put(service.shortName(), service.defaultPort());
			}
		}
		ports.put("kafka", 19092);
		ports.put("kafka-controller", 19093);
		ports.put("registry", 18080);
		ports.put("registry-management", 18081);
		DEFAULT_PORTS = Map.copyOf(ports);
	}

	public int port(String name) {
		return ports.get(name);
	}

	public static String environmentVariable(String portName) {
		return "FOUNTAIN_" + portName.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT";
	}

	/** The configuration from the environment, with the defaults the README documents. */
	public static StackConfig fromEnvironment(Path repoRoot, boolean clean, Consumer<String> progress) {
		Map<String, Integer> ports = new HashMap<>();
		DEFAULT_PORTS.forEach((name, port) -> {
			String value = System.getenv(environmentVariable(name));
			ports.put(name, value == null ? port : Integer.parseInt(value.trim()));
		});
		String pgUrl = System.getenv().getOrDefault("FOUNTAIN_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
		return new StackConfig(repoRoot, repoRoot.resolve(".local-data"), ports,
				pgUrl.endsWith("/") ? pgUrl : pgUrl + "/", System.getenv().getOrDefault("FOUNTAIN_PG_USER", "postgres"),
				System.getenv().getOrDefault("FOUNTAIN_PG_PASSWORD", ""), "fountain", clean, progress,
				jvmOptions(System.getenv("FOUNTAIN_JVM_OPTS")));
	}

	/**
	 * The JVM options of one application: the stack's defaults with that application's
	 * heap, or, when options were given ({@code FOUNTAIN_JVM_OPTS}, a benchmark's),
	 * exactly those for every application.
	 */
	public List<String> jvmOptionsOf(Service service) {
		if (!serviceJvmOptions.equals(DEFAULT_JVM_OPTIONS)) {
			return serviceJvmOptions;
		}
		return serviceJvmOptions.stream()
			.map(option -> option.startsWith("-Xmx") ? "-Xmx" + service.heapMegabytes() + "m" : option)
			.toList();
	}

	static List<String> jvmOptions(String configured) {
		return configured == null || configured.isBlank() ? DEFAULT_JVM_OPTIONS
				: List.of(configured.trim().split("\\s+"));
	}

	/**
	 * Every port free and none twice, or a message naming the culprit and how to change
	 * it.
	 */
	public List<String> portProblems() {
		List<String> problems = new ArrayList<>();
		Map<Integer, String> seen = new HashMap<>();
		ports.forEach((name, port) -> {
			String other = seen.putIfAbsent(port, name);
			if (other != null) {
				problems.add("Port " + port + " is configured for both " + other + " and " + name + " ("
						+ environmentVariable(name) + ")");
			}
			else if (Readiness.portOpen("127.0.0.1", port)) {
				problems.add("Port " + port + " (" + name + ") is in use: stop what uses it, or choose another with "
						+ environmentVariable(name) + "=<port>");
			}
		});
		return problems;
	}

	public String database(String shortName) {
		return databasePrefix + "_" + shortName.replace('-', '_');
	}
}
