package io.fountain.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.fountain.local.CommandLine;
import io.fountain.local.LocalStack;
import io.fountain.local.StackConfig;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./infra/bench/run [--quick] [--running] [--sizes 1,10] [--out DIR]}: measures
 * the choreography against its floor on this machine, in one run, and writes
 * {@code result.json}, {@code results.md} and {@code latency.png}.
 * <ul>
 * <li>cascade delete: {@code DELETE /scripts/{id}} until no row of the play is left in
 * any service (a probe that polls each service's tables with a 2 ms pause between rounds,
 * so that it leaves the cores to the system), against {@code DELETE FROM script} in one
 * schema with foreign keys;</li>
 * <li>create-play saga: {@code POST /plays} until the play is ACTIVE, against one
 * transaction inserting its rows;</li>
 * <li>event hop latency (outbox commit to handler) on an idle stack: single commands, one
 * at a time, 20 ms apart, with consumer lag 0 before and after; read from the services'
 * histograms;</li>
 * <li>command throughput through the edge: 16 users ({@code bench-1} ...
 * {@code bench-16}), each with its own token and a play it owns, and the same 16 clients
 * all as one user ({@code bench}: one rate-limit bucket); with the consumers' lag and its
 * drain, and the event hops during the 16-user load;</li>
 * <li>footprint: start-up time to ready, memory per process (RSS and PSS);</li>
 * <li>scale: the cascade and the saga of the ×1 play again while 1,000 other plays are
 * stored (written straight into the six databases with SQL, not through the edge:
 * {@link StoredPlays}), against the same on the empty system.</li>
 * </ul>
 * {@code --quick} checks the harness in a few minutes (the miniature play, two runs, 5 s
 * loads, 20 stored plays); its figures mean nothing. {@code --running} measures the stack
 * {@code ./infra/run-local} already runs instead of starting one.
 */
public final class Bench {

	/**
	 * Clients of the command load: as many users (the headline figure), then as many
	 * clients as one user.
	 */
	private static final int LOAD_CLIENTS = 16;

	/**
	 * Single commands on an idle stack for the hop figure, and the pause after each
	 * answer.
	 */
	private static final int TRICKLE_COMMANDS = 200;

	private static final Duration TRICKLE_PAUSE = Duration.ofMillis(20);

	/** Other plays stored for the scale figure (20 with --quick). */
	private static final int STORED_PLAYS = 1000;

	/**
	 * The largest play, in multiples of the feature-sized one: its document is about 300
	 * KB per multiple, and {@code POST /plays} takes at most 12 MB.
	 */
	static final int MAX_SIZE = 30;

	/** Untimed plays made and deleted before the first timed run. */
	static final int WARM_UP_PLAYS = 10;

	private final Progress progress = new Progress();

	private final Map<String, Object> result = new LinkedHashMap<>();

	private final Chart chart = new Chart();

	public static void main(String[] args) throws Exception {
		boolean quick;
		boolean running;
		List<Integer> sizes;
		Path out;
		try {
			// The usage text is the script's (./infra/bench/run --help): it answers
			// before anything is built.
			CommandLine line = CommandLine
				.parse("./infra/bench/run", List.of(args), Set.of("--quick", "--running"), Set.of("--sizes", "--out"))
				.optionsOnly();
			quick = line.has("--quick");
			running = line.has("--running");
			sizes = line.wholeNumbers("--sizes", 1, MAX_SIZE).orElse(List.of(1, 10));
			out = Path.of(line.path("--out").orElse("infra/bench/target/results"));
		}
		catch (CommandLine.Refused refused) {
			refused.exit();
			return;
		}
		new Bench().run(quick, running, sizes, out);
	}

	private void run(boolean quick, boolean running, List<Integer> sizes, Path out) throws Exception {
		Files.createDirectories(out);
		Path repo = Path.of(System.getProperty("fountain.repo", ".")).toAbsolutePath().normalize();
		StackConfig config = StackConfig.fromEnvironment(repo, false, line -> progress.say("stack: " + line.strip()));
		result.put("mode", quick ? "quick (checks the harness; figures mean nothing)" : "full");
		result.put("machine", Machine.describe());
		result.put("startedAt", Instant.now().toString());
		LocalStack stack = null;
		Target target;
		if (running) {
			target = Target.running(config);
			progress.say("measuring the stack already running at " + target.edgeUrl() + " (its rate limits apply: "
					+ "start it with FOUNTAIN_EDGE_LIMITS_PERUSER=1000000 to measure the system, not the limiter)");
		}
		else {
			progress.say("starting a stack of its own (--clean) ...");
			StackConfig clean = new StackConfig(config.repoRoot(), config.dataDir(), config.ports(),
					config.pgServerUrl(), config.pgUser(), config.pgPassword(), config.databasePrefix(), true,
					config.progress(), config.serviceJvmOptions())
				.withEdgeArguments(StackConfig.LOAD_GENERATOR_LIMITS);
			long start = System.nanoTime();
			stack = LocalStack.start(clean);
			result.put("startupSeconds", round((System.nanoTime() - start) / 1e9));
			target = Target.of(stack);
		}
		try {
			measure(quick, sizes, target, config);
		}
		finally {
			if (stack != null) {
				progress.say("stopping the stack ...");
				stack.close();
			}
		}
		result.put("finishedAt", Instant.now().toString());
		JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		Files.writeString(out.resolve("result.json"), json.writeValueAsString(result));
		Files.writeString(out.resolve("results.md"), Markdown.of(result));
		chart.write(out.resolve("latency.png"),
				"Fountain: choreography against the monolith floor" + (quick ? " (quick)" : ""));
		progress.say("wrote " + out.resolve("result.json") + ", results.md and latency.png");
		System.out.println(Files.readString(out.resolve("results.md")));
	}

	private void measure(boolean quick, List<Integer> scales, Target target, StackConfig config) throws Exception {
		Edge edge = new Edge(target.edgeUrl(), target.token());
		HopLatency hops = new HopLatency(target);
		try (ConsumerLag lag = new ConsumerLag(target.bootstrapServers());
				ChoreographyProbe probe = new ChoreographyProbe(target);
				MonolithFloor floor = new MonolithFloor(config.pgServerUrl(), "bench_monolith", target.dbUser(),
						target.dbPassword())) {
			Map<String, Object> cascades = new LinkedHashMap<>();
			List<ReferencePlay> sizes = quick ? List.of(ReferencePlay.miniature())
					: scales.stream().map(ReferencePlay::feature).toList();
			// A server runs for days: what is measured is the system compiled (C2) and
			// warm, as the monolith's
			// PostgreSQL is, not the first minute of seven JVMs. Untimed plays of the
			// first size, made and deleted,
			// compile the saga's and the cascade's paths before any run is timed. (With
			// three, the runs timed later in
			// the same benchmark, on the same code, were still half as long: C2 was still
			// compiling.)
			for (int warm = 1; warm <= (quick ? 1 : WARM_UP_PLAYS); warm++) {
				progress.update("warming up: play " + warm + " of " + sizes.get(0).rows() + " rows, made and deleted");
				cascadeOnce(edge, lag, probe, sizes.get(0), NO_INSPECTION);
			}
			int runs = quick ? 2 : 10;
			for (ReferencePlay play : sizes) {
				String size = sizeOf(play, quick);
				List<Long> choreography = new ArrayList<>();
				List<Long> monolith = new ArrayList<>();
				List<Long> monolithInsert = new ArrayList<>();
				for (int run = 1; run <= runs; run++) {
					progress.update("cascade delete " + size + ": run " + run + "/" + runs + " (loading " + play.rows()
							+ " rows)");
					choreography.add(cascadeOnce(edge, lag, probe, play, NO_INSPECTION));
					MonolithFloor.Timed<UUID> inserted = floor.insert(play);
					monolithInsert.add(inserted.nanos());
					monolith.add(floor.delete(inserted.value()));
					progress.say(String.format("cascade delete %s run %d/%d: choreography %.0f ms, monolith %.1f ms",
							size, run, runs, choreography.getLast() / 1e6, monolith.getLast() / 1e6));
				}
				Stats c = Stats.ofNanos(choreography);
				Stats m = Stats.ofNanos(monolith);
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("rows", play.rows());
				entry.put("choreography", c);
				entry.put("monolith", m);
				entry.put("ratioP50", round(c.p50() / Math.max(0.001, m.p50())));
				entry.put("ratioP95", round(c.p95() / Math.max(0.001, m.p95())));
				entry.put("monolithInsertOneTransaction", Stats.ofNanos(monolithInsert));
				cascades.put(size, entry);
				chart.add("cascade delete " + size + ", choreography", Stats.sortedMillis(choreography));
				chart.add("cascade delete " + size + ", monolith", Stats.sortedMillis(monolith));
			}
			result.put("cascadeDelete", cascades);

			Map<String, Object> sagas = new LinkedHashMap<>();
			for (ReferencePlay play : sizes) {
				String size = sizeOf(play, quick);
				List<Long> saga = new ArrayList<>();
				List<Long> monolithInsert = new ArrayList<>();
				for (int run = 1; run <= runs; run++) {
					progress.update(
							"create-play saga " + size + ": run " + run + "/" + runs + " (" + play.rows() + " rows)");
					saga.add(sagaOnce(edge, lag, probe, play));
					MonolithFloor.Timed<UUID> inserted = floor.insert(play);
					monolithInsert.add(inserted.nanos());
					floor.delete(inserted.value());
					progress.say(String.format(
							"create-play saga %s run %d/%d: choreography %.0f ms, one transaction %.1f ms", size, run,
							runs, saga.getLast() / 1e6, monolithInsert.getLast() / 1e6));
				}
				Stats c = Stats.ofNanos(saga);
				Stats m = Stats.ofNanos(monolithInsert);
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("rows", play.rows());
				entry.put("choreography", c);
				entry.put("monolith", m);
				entry.put("ratioP50", round(c.p50() / Math.max(0.001, m.p50())));
				entry.put("ratioP95", round(c.p95() / Math.max(0.001, m.p95())));
				sagas.put(size, entry);
				chart.add("create-play saga " + size + ", choreography", Stats.sortedMillis(saga));
				chart.add("create-play saga " + size + ", one transaction", Stats.sortedMillis(monolithInsert));
			}
			result.put("createPlaySaga", sagas);

			eventHopIdle(edge, lag, hops);

			Duration loadTime = Duration.ofSeconds(quick ? 5 : 60);
			progress.say("command load: " + LOAD_CLIENTS + " users (bench-1 .. bench-" + LOAD_CLIENTS
					+ "), each with its own token, on a play of its own ...");
			List<Edge> users = new ArrayList<>();
			for (int c = 1; c <= LOAD_CLIENTS; c++) {
				users.add(target.edgeAs(Target.USER + "-" + c));
			}
			List<Throughput.Stage> stages = stages(users);
			awaitQuiet(lag);
			// Hops are read over the steady command load only: during a cascade or a saga
			// they mostly measure the
			// queue of a thousand events ahead on the same partition, which the cascade
			// and saga figures already show.
			TreeMap<Double, Double> hopsBefore = hops.scrape();
			Throughput.Result load = Throughput.run(lag, stages, loadTime, progress);
			TreeMap<Double, Double> hopsAfter = hops.scrape();
			result.put("throughput", throughput(load, LOAD_CLIENTS));
			chart.add("add dialogue, " + load.clients() + " users", Stats.sortedMillis(load.latenciesNanos()));
			deletePlays(stages, lag);

			double[] hop = HopLatency.percentiles(hopsBefore, hopsAfter, 50, 99);
			Map<String, Object> hopResult = new LinkedHashMap<>();
			hopResult.put("events", HopLatency.count(hopsBefore, hopsAfter));
			hopResult.put("p50MsAtMost", hop[0]);
			hopResult.put("p99MsAtMost", hop[1]);
			result.put("eventHop", hopResult);

			progress.say("command load: " + LOAD_CLIENTS + " clients all as user " + Target.USER + ", on "
					+ LOAD_CLIENTS + " plays of its own ...");
			List<Edge> oneUser = new ArrayList<>();
			for (int c = 1; c <= LOAD_CLIENTS; c++) {
				oneUser.add(target.edgeAs(Target.USER));
			}
			List<Throughput.Stage> sharedStages = stages(oneUser);
			awaitQuiet(lag);
			Throughput.Result oneUserLoad = Throughput.run(lag, sharedStages, loadTime, progress);
			result.put("throughputOneUser", throughput(oneUserLoad, 1));
			chart.add("add dialogue, " + oneUserLoad.clients() + " clients as one user",
					Stats.sortedMillis(oneUserLoad.latenciesNanos()));
			deletePlays(sharedStages, lag);

			Map<String, Long> rss = Footprint.residentMegabytes();
			Map<String, Object> footprint = new LinkedHashMap<>();
			footprint.put("residentMegabytes", rss);
			footprint.put("totalResidentMegabytes", rss.values().stream().mapToLong(Long::longValue).sum());
			Map<String, Long> pss = Footprint.proportionalMegabytes();
			footprint.put("proportionalMegabytes", pss);
			footprint.put("totalProportionalMegabytes", pss.values().stream().mapToLong(Long::longValue).sum());
			result.put("footprint", footprint);

			scale(quick, runs, target, edge, lag, probe, cascades, sagas);
			result.put("cascadeProbe", probe.resolution());
		}
	}

	/**
	 * The event hop with nothing else going on: a play of its own, consumer lag 0, then
	 * single "add dialogue" commands one at a time, each sent {@link #TRICKLE_PAUSE}
	 * after the previous answer; lag 0 again before the histograms are read.
	 */
	private void eventHopIdle(Edge edge, ConsumerLag lag, HopLatency hops) throws Exception {
		progress.say("event hop on an idle stack: " + TRICKLE_COMMANDS + " single commands, " + TRICKLE_PAUSE.toMillis()
				+ " ms apart ...");
		PlayLoader.Loaded play = new PlayLoader(edge, 4).load(ReferencePlay.miniature());
		awaitQuiet(lag);
		TreeMap<Double, Double> before = hops.scrape();
		Trickle.Result trickle = Trickle.run(
				new Throughput.Stage(edge, play.scriptId(), play.sceneIds(), play.characterIds().get(0)),
				TRICKLE_COMMANDS, TRICKLE_PAUSE);
		awaitQuiet(lag);
		TreeMap<Double, Double> after = hops.scrape();
		edge.delete("/scripts/" + play.scriptId(), 202);
		awaitQuiet(lag);
		double[] hop = HopLatency.percentiles(before, after, 50, 99);
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("commands", trickle.commands());
		entry.put("pauseMs", TRICKLE_PAUSE.toMillis());
		entry.put("errors", trickle.errors());
		entry.put("events", HopLatency.count(before, after));
		entry.put("p50MsAtMost", hop[0]);
		entry.put("p99MsAtMost", hop[1]);
		entry.put("commandLatency", Stats.ofNanos(trickle.latenciesNanos()));
		result.put("eventHopIdle", entry);
		chart.add("add dialogue on an idle stack, one at a time", Stats.sortedMillis(trickle.latenciesNanos()));
		progress.say(String.format("event hop on an idle stack: p50 <= %s ms, p99 <= %s ms", hop[0], hop[1]));
	}

	/**
	 * The cascade and the saga of the ×1 play (the miniature with --quick) again, while
	 * {@link #STORED_PLAYS} other plays are stored, against the same on the empty system
	 * (the figures above, or measured here first when that size was not). The stored
	 * plays are written straight into the six databases with SQL ({@link StoredPlays}),
	 * not through the edge, and deleted again afterwards.
	 */
	@SuppressWarnings("unchecked")
	private void scale(boolean quick, int runs, Target target, Edge edge, ConsumerLag lag, ChoreographyProbe probe,
			Map<String, Object> cascades, Map<String, Object> sagas) throws Exception {
		ReferencePlay play = quick ? ReferencePlay.miniature() : ReferencePlay.feature(1);
		String size = sizeOf(play, quick);
		int count = quick ? 20 : STORED_PLAYS;
		Stats emptyCascade;
		Stats emptySaga;
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("size", size);
		entry.put("storedPlays", count);
		entry.put("loadedBy", "SQL straight into the six services' databases (not through the edge, no events)");
		if (cascades.containsKey(size)) {
			emptyCascade = (Stats) ((Map<String, Object>) cascades.get(size)).get("choreography");
			emptySaga = (Stats) ((Map<String, Object>) sagas.get(size)).get("choreography");
			entry.put("emptySystemFrom", "the " + size + " cascade and saga above");
		}
		else {
			entry.put("emptySystemFrom", "runs just before the plays were stored");
			progress.say("scale: the cascade and the saga of the " + size + " play on the empty system first ...");
			emptyCascade = Stats
				.ofNanos(cascades(edge, lag, probe, play, runs, size + ", empty system", NO_INSPECTION));
			emptySaga = Stats.ofNanos(sagas(edge, lag, probe, play, runs, size + ", empty system"));
		}
		try (StoredPlays stored = new StoredPlays(target, play, count)) {
			progress.say("scale: storing " + count + " plays shaped like the " + size
					+ " play straight into the six databases (SQL, not through the edge) ...");
			long start = System.nanoTime();
			try {
				long rows = stored.load();
				entry.put("rowsWritten", rows);
				entry.put("loadSeconds", round((System.nanoTime() - start) / 1e9));
				progress
					.say(String.format("scale: %d rows written in %.1f s", rows, (System.nanoTime() - start) / 1e9));
				awaitQuiet(lag);
				Map<String, Long> storedRows = stored.rowsOf(stored.first());
				Map<String, Long> realRows = new LinkedHashMap<>();
				List<Long> cascade = cascades(edge, lag, probe, play, runs, size + ", " + count + " plays stored",
						scriptId -> realRows.putAll(stored.rowsOf(scriptId)));
				List<Long> saga = sagas(edge, lag, probe, play, runs, size + ", " + count + " plays stored");
				entry.put("cascade", comparison(emptyCascade, Stats.ofNanos(cascade)));
				entry.put("saga", comparison(emptySaga, Stats.ofNanos(saga)));
				entry.put("shape", shape(storedRows, realRows));
				chart.add("cascade delete " + size + ", " + count + " plays stored", Stats.sortedMillis(cascade));
				chart.add("create-play saga " + size + ", " + count + " plays stored", Stats.sortedMillis(saga));
			}
			finally {
				progress.say("scale: deleting the stored plays' rows (SQL) ...");
				entry.put("rowsRemovedAfter", stored.delete());
				result.put("scale", entry);
			}
		}
	}

	private static Map<String, Object> comparison(Stats empty, Stats stored) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("emptySystem", empty);
		entry.put("withStoredPlays", stored);
		entry.put("ratioP50", round(stored.p50() / Math.max(0.001, empty.p50())));
		return entry;
	}

	/**
	 * A stored play's rows, table by table, against a real play's of the same shape:
	 * where they differ.
	 */
	private static Map<String, Object> shape(Map<String, Long> stored, Map<String, Long> real) {
		List<String> differences = new ArrayList<>();
		Set<String> tables = new TreeSet<>(stored.keySet());
		tables.addAll(real.keySet());
		for (String table : tables) {
			long s = stored.getOrDefault(table, 0L);
			long r = real.getOrDefault(table, 0L);
			if (s != r) {
				differences.add(table + ": stored " + s + ", real " + r);
			}
		}
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("tablesCompared", tables.size());
		entry.put("rowsOfAStoredPlay", stored.values().stream().mapToLong(Long::longValue).sum());
		entry.put("rowsOfARealPlay", real.values().stream().mapToLong(Long::longValue).sum());
		entry.put("differences", differences);
		return entry;
	}

	private List<Long> cascades(Edge edge, ConsumerLag lag, ChoreographyProbe probe, ReferencePlay play, int runs,
			String what, Inspection firstRun) throws Exception {
		List<Long> nanos = new ArrayList<>();
		for (int run = 1; run <= runs; run++) {
			progress.update("cascade delete " + what + ": run " + run + "/" + runs);
			nanos.add(cascadeOnce(edge, lag, probe, play, run == 1 ? firstRun : NO_INSPECTION));
			progress.say(String.format("cascade delete %s run %d/%d: %.0f ms", what, run, runs, nanos.getLast() / 1e6));
		}
		return nanos;
	}

	private List<Long> sagas(Edge edge, ConsumerLag lag, ChoreographyProbe probe, ReferencePlay play, int runs,
			String what) throws Exception {
		List<Long> nanos = new ArrayList<>();
		for (int run = 1; run <= runs; run++) {
			progress.update("create-play saga " + what + ": run " + run + "/" + runs);
			nanos.add(sagaOnce(edge, lag, probe, play));
			progress
				.say(String.format("create-play saga %s run %d/%d: %.0f ms", what, run, runs, nanos.getLast() / 1e6));
		}
		return nanos;
	}

	/**
	 * A miniature play for each client, loaded route by route with the client's own token
	 * (four at a time).
	 */
	private static List<Throughput.Stage> stages(List<Edge> clients) throws Exception {
		List<Future<Throughput.Stage>> loading = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			for (Edge client : clients) {
				loading.add(pool.submit(() -> {
					PlayLoader.Loaded play = new PlayLoader(client, 4).load(ReferencePlay.miniature());
					return new Throughput.Stage(client, play.scriptId(), play.sceneIds(), play.characterIds().get(0));
				}));
			}
			List<Throughput.Stage> stages = new ArrayList<>();
			for (Future<Throughput.Stage> stage : loading) {
				stages.add(stage.get());
			}
			return stages;
		}
	}

	/**
	 * Each play deleted by its owner; then quiet, so that the deletions are not part of
	 * the next figure.
	 */
	private void deletePlays(List<Throughput.Stage> stages, ConsumerLag lag) throws Exception {
		for (Throughput.Stage stage : stages) {
			stage.edge().delete("/scripts/" + stage.scriptId(), 202);
		}
		awaitQuiet(lag);
	}

	private static Map<String, Object> throughput(Throughput.Result load, int users) {
		Map<String, Object> throughput = new LinkedHashMap<>();
		throughput.put("clients", load.clients());
		throughput.put("users", users);
		throughput.put("seconds", round(load.seconds()));
		throughput.put("commands", load.commands());
		throughput.put("errors", load.errors());
		throughput.put("commandsPerSecond", round(load.perSecond()));
		throughput.put("latency", load.latency());
		throughput.put("maxConsumerLag", load.maxLag());
		throughput.put("drainSeconds", round(load.drainSeconds()));
		return throughput;
	}

	private static String sizeOf(ReferencePlay play, boolean quick) {
		return quick ? "miniature" : "×" + play.acts().size() / 3;
	}

	/**
	 * Something to look at in a play once it is whole and quiet, before its deletion is
	 * timed.
	 */
	private interface Inspection {

		void at(UUID scriptId) throws Exception;

	}

	private static final Inspection NO_INSPECTION = scriptId -> {
	};

	/**
	 * Creates the play whole ({@code POST /plays}, until ACTIVE), waits for quiet,
	 * deletes it, and answers how long until no row of it is left anywhere (to within one
	 * round of the probe).
	 */
	private long cascadeOnce(Edge edge, ConsumerLag lag, ChoreographyProbe probe, ReferencePlay play,
			Inspection beforeDelete) throws Exception {
		UUID scriptId = edge.postPlay(play.document());
		probe.awaitActive(scriptId, System.nanoTime() + Duration.ofMinutes(5).toNanos());
		awaitQuiet(lag);
		beforeDelete.at(scriptId);
		long start = System.nanoTime();
		edge.delete("/scripts/" + scriptId, 202);
		probe.awaitGone(scriptId, start + Duration.ofMinutes(5).toNanos());
		return System.nanoTime() - start;
	}

	/**
	 * Posts the play whole ({@code POST /plays}) and answers how long until its status is
	 * ACTIVE; then deletes it and waits for quiet, so that runs do not overlap.
	 */
	private long sagaOnce(Edge edge, ConsumerLag lag, ChoreographyProbe probe, ReferencePlay play) throws Exception {
		Object document = play.document();
		awaitQuiet(lag);
		long start = System.nanoTime();
		UUID id = edge.postPlay(document);
		probe.awaitActive(id, start + Duration.ofMinutes(5).toNanos());
		long nanos = System.nanoTime() - start;
		edge.delete("/scripts/" + id, 202);
		awaitQuiet(lag);
		return nanos;
	}

	private void awaitQuiet(ConsumerLag lag) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (lag.total() > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The consumers did not catch up within 5 minutes");
			}
			Thread.sleep(50);
		}
	}

	static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
