package io.fountain.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The whole system on this machine: PostgreSQL databases (one per service, and the
 * registry's), a Kafka broker, Apicurio Registry, every service and edge-api, each a
 * child process. {@link #close()} stops them all, newest first.
 */
public final class LocalStack implements AutoCloseable {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

	private final StackConfig config;

	private final long startedAt = System.nanoTime();

	/**
	 * What has started, in order; parts started in parallel add themselves as soon as
	 * they are up.
	 */
	private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());

	private final List<CompletableFuture<?>> pending = new ArrayList<>();

	private final Map<Service, ManagedProcess> services = new LinkedHashMap<>();

	/** Second instances of services, started by {@link #startSecond}. */
	private final Map<Service, ManagedProcess> seconds = new LinkedHashMap<>();

	private Postgres postgres;

	private KafkaBroker kafka;

	private ApicurioRegistry registry;

	private LocalTokens tokens;

	/**
	 * One thread per part being started: each mostly waits for its process. (The common
	 * pool has one thread on two cores, which started the services nearly one after the
	 * other.)
	 */
	private static final Executor STARTERS = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().factory());

	private LocalStack(StackConfig config) {
		this.config = config;
	}

	public static LocalStack start(StackConfig config) {
		LocalStack stack = new LocalStack(config);
		try {
			stack.startAll();
			return stack;
		}
		catch (RuntimeException | IOException | InterruptedException ex) {
			stack.close();
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			throw ex instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex.getMessage(), ex);
		}
	}

	private void startAll() throws IOException, InterruptedException {
		List<String> problems = config.portProblems();
		if (!problems.isEmpty()) {
			throw new IllegalStateException(String.join("\n", problems));
		}
		Files.createDirectories(config.dataDir());
		tokens = LocalTokens.in(config.dataDir());
		if (config.clean()) {
			deleteRecursively(config.dataDir().resolve("kafka"));
		}

		step("PostgreSQL");
		postgres = Postgres.connectOrStart(config.pgServerUrl(), config.pgUser(), config.pgPassword(),
				config.dataDir().resolve("postgres"), config.progress());
		started.add(postgres);
		postgres.ensureDatabases(databases(), config.clean());
		ready("PostgreSQL", postgres.url(""));

		step("Kafka and the schema registry");
		CompletableFuture<KafkaBroker> broker = async(
				() -> KafkaBroker.start(config.repoRoot(), config.dataDir().resolve("kafka"), config.port("kafka"),
						config.port("kafka-controller"), READY_TIMEOUT));
		CompletableFuture<ApicurioRegistry> schemas = async(
				() -> ApicurioRegistry.start(config.port("registry"), config.port("registry-management"),
						new ApicurioRegistry.SqlStorage(postgres.url(config.database("registry")), postgres.user(),
								postgres.password()),
						logs().resolve("registry.log"), READY_TIMEOUT));
		kafka = join(broker);
		ready("Kafka", kafka.bootstrapServers());
		registry = join(schemas);
		ready("schema registry", registry.confluentApiUrl());

		step("services");
		// The edge with them: it needs none of them to start (its readiness is its own).
		Map<Service, CompletableFuture<ManagedProcess>> starting = new LinkedHashMap<>();
		for (Service service : Service.backends()) {
			starting.put(service, async(() -> startService(service)));
		}
		starting.put(Service.EDGE, async(() -> startService(Service.EDGE)));
		for (Map.Entry<Service, CompletableFuture<ManagedProcess>> service : starting.entrySet()) {
			services.put(service.getKey(), join(service.getValue()));
			ready(service.getKey().module(), url(service.getKey()));
		}
	}

	/**
	 * Stops a service (its consumer group loses its members); {@link #restart} starts it
	 * again.
	 */
	public synchronized void stop(Service service) {
		ManagedProcess old = services.remove(service);
		if (old != null) {
			old.stop();
			started.remove(old);
		}
	}

	/**
	 * Starts a second instance of a service: the same database and consumer group, a port
	 * of its own; answers when it is ready. The two share the topics' partitions (and one
	 * of them relays the outbox).
	 */
	public synchronized void startSecond(Service service) {
		if (service == Service.EDGE || seconds.containsKey(service)) {
			return;
		}
		try {
			ManagedProcess process = startService(service, Readiness.freePort(), service.module() + "-2", List.of());
			seconds.put(service, process);
			started.add(process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Kills the second instance of a service at once (SIGKILL); {@link #startSecond}
	 * starts one again.
	 */
	public synchronized void killSecond(Service service) {
		ManagedProcess second = seconds.remove(service);
		if (second != null) {
			second.kill();
			started.remove(second);
		}
	}

	/**
	 * Kills a service at once (SIGKILL), as a crash would; {@link #restart} starts it
	 * again.
	 */
	public synchronized void kill(Service service) {
		ManagedProcess old = services.remove(service);
		if (old != null) {
			old.kill();
			started.remove(old);
		}
	}

	/** The process id of a running service (to pause it with SIGSTOP, for instance). */
	public synchronized long pid(Service service) {
		ManagedProcess process = services.get(service);
		if (process == null) {
			throw new IllegalStateException(service.module() + " is not running");
		}
		return process.pid();
	}

	/**
	 * Stops the broker (cleanly, or at once with SIGKILL when {@code kill}) and starts it
	 * again on the same data and ports, waiting until it is ready. The services reconnect
	 * on their own.
	 */
	public synchronized void restartBroker(boolean kill) throws IOException, InterruptedException {
		started.remove(kafka);
		if (kill) {
			kafka.process().kill();
		}
		else {
			kafka.close();
		}
		kafka = KafkaBroker.start(config.repoRoot(), config.dataDir().resolve("kafka"), config.port("kafka"),
				config.port("kafka-controller"), READY_TIMEOUT);
		started.add(Math.min(1, started.size()), kafka);
	}

	/**
	 * Stops a service and starts it again with extra arguments (e.g. another consumer
	 * group), waiting until it is ready.
	 */
	public synchronized void restart(Service service, List<String> extraArguments) {
		stop(service);
		try {
			ManagedProcess process = startService(service, extraArguments);
			services.put(service, process);
			started.add(process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private ManagedProcess startService(Service service) throws IOException {
		return startService(service, List.of());
	}

	private ManagedProcess startService(Service service, List<String> extraArguments) throws IOException {
		return startService(service, config.port(service.shortName()), service.module(), extraArguments);
	}

	private ManagedProcess startService(Service service, int port, String name, List<String> extraArguments)
			throws IOException {
		List<String> command = new ArrayList<>(
				List.of("--server.port=" + port, "--management.endpoint.health.probes.enabled=true"));
		if (service == Service.EDGE) {
			for (Service backend : Service.backends()) {
				command.add("--fountain.edge.services." + backend.shortName() + "=" + url(backend));
			}
			command.add("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers());
			command.addAll(List.of("--spring.datasource.url=" + postgres.url(config.database("edge")),
					"--spring.datasource.username=" + postgres.user(),
					"--spring.datasource.password=" + postgres.password(),
					"--fountain.edge.auth.issuer=" + LocalTokens.ISSUER,
					"--fountain.edge.auth.audience=" + LocalTokens.AUDIENCE));
			command.addAll(config.edgeArguments());
		}
		else {
			command.addAll(List.of("--spring.datasource.url=" + postgres.url(config.database(service.shortName())),
					"--spring.datasource.username=" + postgres.user(),
					"--spring.datasource.password=" + postgres.password(),
					"--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
					"--fountain.eventing.registry-url=" + registry.confluentApiUrl(),
					"--fountain.eventing.partitions=3"));
			service.parentOwners()
				.forEach((kind, owner) -> command.add("--fountain.parents.sources." + kind + ".url=" + url(owner)));
			// Where the parts of a play being imported are read (script-svc's claim
			// check).
			command.add("--fountain.imports.url=" + url(Service.SCRIPT));
			// Where a script not yet known here is asked about: who may see it (script
			// access).
			command.add("--fountain.access.url=" + url(Service.SCRIPT));
			command.addAll(config.serviceArguments());
		}
		command.addAll(extraArguments);
		// Secrets go in the environment, not on the command line that every user of the
		// machine can list.
		Map<String, String> secrets = service == Service.EDGE ? Map.of("FOUNTAIN_EDGE_AUTH_HMACSECRET",
				tokens.signingSecret(), "FOUNTAIN_EDGE_AUTH_CALLERSSECRET", tokens.callersSecret())
				: Map.of("FOUNTAIN_CALLERS_SECRET", tokens.callersSecret());
		AotCache.CommandBuilder commandFor = (jvmOptions, jar) -> {
			List<String> whole = new ArrayList<>(List.of(ManagedProcess.currentJava()));
			whole.addAll(jvmOptions);
			whole.addAll(List.of("-jar", jar.toString()));
			whole.addAll(command);
			return whole;
		};
		Path jar = service.jar(config.repoRoot());
		AotCache cache = AotCache.of(jar, config.progress());
		List<String> whole;
		try {
			List<String> jvmOptions = config.jvmOptionsOf(service);
			whole = cache == null ? commandFor.build(jvmOptions, jar)
					: cache.command(jvmOptions, commandFor, secrets, logs().resolve(name + "-training.log"));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while training the start-up cache of " + name, ex);
		}
		ManagedProcess process = ManagedProcess.start(service.module(), whole, secrets, logs().resolve(name + ".log"));
		try {
			Readiness.await(process, READY_TIMEOUT,
					() -> Readiness.httpOk("http://127.0.0.1:" + port + "/actuator/health/readiness"));
		}
		catch (RuntimeException ex) {
			process.stop();
			throw ex;
		}
		return process;
	}

	/** A process of the stack that has died, if any: the stack is broken then. */
	public Optional<ManagedProcess> deadProcess() {
		List<ManagedProcess> all = new ArrayList<>(services.values());
		if (kafka != null) {
			all.add(kafka.process());
		}
		if (registry != null) {
			all.add(registry.process());
		}
		return all.stream().filter(p -> !p.isAlive()).findFirst();
	}

	public String edgeUrl() {
		return url(Service.EDGE);
	}

	public String url(Service service) {
		return "http://127.0.0.1:" + config.port(service.shortName());
	}

	public String bootstrapServers() {
		return kafka.bootstrapServers();
	}

	public String registryUrl() {
		return registry.confluentApiUrl();
	}

	public String jdbcUrl(Service service) {
		return postgres.url(config.database(service.shortName()));
	}

	public String databaseUser() {
		return postgres.user();
	}

	public String databasePassword() {
		return postgres.password();
	}

	/**
	 * A bearer token for the user (valid two hours), as the local identity provider would
	 * issue it.
	 */
	public String token(String user, String... roles) {
		return tokens.mint(user, List.of(roles), Duration.ofHours(2));
	}

	public Duration uptime() {
		return Duration.ofNanos(System.nanoTime() - startedAt);
	}

	/**
	 * Drops the stack's databases (for throwaway stacks such as the system tests'). Call
	 * after {@link #close()}.
	 */
	public void dropDatabases() {
		if (postgres != null) {
			postgres.dropDatabases(databases());
		}
	}

	public List<String> databases() {
		List<String> names = new ArrayList<>();
		Service.backends().forEach(service -> names.add(config.database(service.shortName())));
		names.add(config.database("edge"));
		names.add(config.database("registry"));
		return names;
	}

	@Override
	public synchronized void close() {
		for (CompletableFuture<?> part : pending) {
			try {
				part.join(); // a part still starting is stopped too, once it is up
			}
			catch (RuntimeException ex) {
				// it failed to start: nothing to stop
			}
		}
		for (int i = started.size() - 1; i >= 0; i--) {
			try {
				started.get(i).close();
			}
			catch (Exception ex) {
				config.progress().accept("could not stop " + started.get(i) + ": " + ex.getMessage());
			}
		}
		started.clear();
	}

	private Path logs() {
		return config.dataDir().resolve("logs");
	}

	private void step(String what) {
		config.progress().accept(String.format("%5.1f s  starting %s ...", seconds(), what));
	}

	private void ready(String what, String where) {
		config.progress().accept(String.format("%5.1f s  %s ready at %s", seconds(), what, where));
	}

	private double seconds() {
		return (System.nanoTime() - startedAt) / 1e9;
	}

	private <T extends AutoCloseable> CompletableFuture<T> async(Start<T> start) {
		CompletableFuture<T> future = CompletableFuture.supplyAsync(() -> {
			try {
				T part = start.start();
				started.add(part);
				return part;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}, STARTERS);
		pending.add(future);
		return future;
	}

	private static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime : ex;
		}
	}

	static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (var walk = Files.walk(path)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}

	@FunctionalInterface
	private interface Start<T> {

		T start() throws IOException, InterruptedException;

	}

}
