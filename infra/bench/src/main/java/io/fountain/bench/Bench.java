package io.fountain.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.fountain.local.LocalStack;
import io.fountain.local.StackConfig;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./infra/bench/run [--quick] [--running] [--sizes 1,10] [--out DIR]}: measures the choreography against its floor on this
 * machine, in one run, and writes {@code result.json}, {@code results.md} and {@code latency.png}.
 * <ul>
 * <li>cascade delete: {@code DELETE /scripts/{id}} until no row of the play is left in any service, against
 * {@code DELETE FROM script} in one schema with foreign keys;</li>
 * <li>command throughput through the edge, with the consumers' lag and its drain;</li>
 * <li>event hop latency (outbox commit to handler), from the services' histograms;</li>
 * <li>footprint: start-up time to ready, resident memory per process.</li>
 * </ul>
 * {@code --quick} checks the harness in under two minutes (a miniature play, two runs, a 5 s load); its figures mean
 * nothing. {@code --running} measures the stack {@code ./infra/run-local} already runs instead of starting one.
 */
public final class Bench {

	private final Progress progress = new Progress();

	private final Map<String, Object> result = new LinkedHashMap<>();

	private final Chart chart = new Chart();

	public static void main(String[] args) throws Exception {
		List<String> options = List.of(args);
		boolean quick = options.contains("--quick");
		boolean running = options.contains("--running");
		int sizesIndex = options.indexOf("--sizes");
		List<Integer> sizes = sizesIndex >= 0
				? java.util.Arrays.stream(options.get(sizesIndex + 1).split(",")).map(Integer::valueOf).toList()
				: List.of(1, 10);
		int outIndex = options.indexOf("--out");
		Path out = outIndex >= 0 ? Path.of(options.get(outIndex + 1)) : Path.of("infra/bench/target/results");
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
			StackConfig clean = new StackConfig(config.repoRoot(), config.dataDir(), config.ports(), config.pgServerUrl(),
					config.pgUser(), config.pgPassword(), config.databasePrefix(), true, config.progress(),
					config.serviceJvmOptions()).withEdgeArguments(StackConfig.LOAD_GENERATOR_LIMITS);
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
		chart.write(out.resolve("latency.png"), "Fountain: choreography against the monolith floor" + (quick ? " (quick)" : ""));
		progress.say("wrote " + out.resolve("result.json") + ", results.md and latency.png");
		System.out.println(Files.readString(out.resolve("results.md")));
	}

	private void measure(boolean quick, List<Integer> scales, Target target, StackConfig config) throws Exception {
		Edge edge = new Edge(target.edgeUrl(), target.token());
		PlayLoader loader = new PlayLoader(edge, 8);
		HopLatency hops = new HopLatency(target);
		try (ConsumerLag lag = new ConsumerLag(target.bootstrapServers());
				ChoreographyProbe probe = new ChoreographyProbe(target);
				MonolithFloor floor = new MonolithFloor(config.pgServerUrl(), "bench_monolith", target.dbUser(),
						target.dbPassword())) {
			progress.say("warming up with a miniature play ...");
			cascadeOnce(edge, lag, probe, ReferencePlay.miniature());

			Map<String, Object> cascades = new LinkedHashMap<>();
			List<ReferencePlay> sizes = quick ? List.of(ReferencePlay.miniature())
					: scales.stream().map(ReferencePlay::feature).toList();
			int runs = quick ? 2 : 10;
			for (ReferencePlay play : sizes) {
				String size = quick ? "miniature" : "×" + play.acts().size() / 3;
				List<Long> choreography = new ArrayList<>();
				List<Long> monolith = new ArrayList<>();
				List<Long> monolithInsert = new ArrayList<>();
				for (int run = 1; run <= runs; run++) {
					progress.update("cascade delete " + size + ": run " + run + "/" + runs + " (loading " + play.rows() + " rows)");
					choreography.add(cascadeOnce(edge, lag, probe, play));
					MonolithFloor.Timed<UUID> inserted = floor.insert(play);
					monolithInsert.add(inserted.nanos());
					monolith.add(floor.delete(inserted.value()));
					progress.say(String.format("cascade delete %s run %d/%d: choreography %.0f ms, monolith %.1f ms", size,
							run, runs, choreography.getLast() / 1e6, monolith.getLast() / 1e6));
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
				String size = quick ? "miniature" : "×" + play.acts().size() / 3;
				List<Long> saga = new ArrayList<>();
				List<Long> monolithInsert = new ArrayList<>();
				for (int run = 1; run <= runs; run++) {
					progress.update("create-play saga " + size + ": run " + run + "/" + runs + " (" + play.rows() + " rows)");
					saga.add(sagaOnce(edge, lag, play));
					MonolithFloor.Timed<UUID> inserted = floor.insert(play);
					monolithInsert.add(inserted.nanos());
					floor.delete(inserted.value());
					progress.say(String.format("create-play saga %s run %d/%d: choreography %.0f ms, one transaction %.1f ms",
							size, run, runs, saga.getLast() / 1e6, monolithInsert.getLast() / 1e6));
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

			int clients = quick ? 4 : 16;
			progress.say("command throughput: a play for each of " + clients + " clients ...");
			List<PlayLoader.Loaded> plays = new ArrayList<>();
			List<Throughput.Stage> stages = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				PlayLoader.Loaded play = loader.load(ReferencePlay.miniature());
				plays.add(play);
				stages.add(new Throughput.Stage(play.sceneIds(), play.characterIds().get(0)));
			}
			awaitQuiet(lag);
			// Hops are read over the steady command load only: during a cascade or a saga they mostly measure the
			// queue of a thousand events ahead on the same partition, which the cascade and saga figures already show.
			TreeMap<Double, Double> hopsBefore = hops.scrape();
			Throughput.Result load = Throughput.run(edge, lag, stages, Duration.ofSeconds(quick ? 5 : 60), progress);
			TreeMap<Double, Double> hopsAfter = hops.scrape();
			Map<String, Object> throughput = new LinkedHashMap<>();
			throughput.put("clients", load.clients());
			throughput.put("seconds", round(load.seconds()));
			throughput.put("commands", load.commands());
			throughput.put("errors", load.errors());
			throughput.put("commandsPerSecond", round(load.perSecond()));
			throughput.put("latency", load.latency());
			throughput.put("maxConsumerLag", load.maxLag());
			throughput.put("drainSeconds", round(load.drainSeconds()));
			result.put("throughput", throughput);
			chart.add("add dialogue through the edge (" + load.clients() + " clients)", Stats.sortedMillis(load.latenciesNanos()));
			for (PlayLoader.Loaded play : plays) {
				edge.delete("/scripts/" + play.scriptId(), 202);
			}

			double[] hop = HopLatency.percentiles(hopsBefore, hopsAfter, 50, 99);
			Map<String, Object> hopResult = new LinkedHashMap<>();
			hopResult.put("events", HopLatency.count(hopsBefore, hopsAfter));
			hopResult.put("p50MsAtMost", hop[0]);
			hopResult.put("p99MsAtMost", hop[1]);
			result.put("eventHop", hopResult);

			Map<String, Long> rss = Footprint.residentMegabytes();
			Map<String, Object> footprint = new LinkedHashMap<>();
			footprint.put("residentMegabytes", rss);
			footprint.put("totalResidentMegabytes", rss.values().stream().mapToLong(Long::longValue).sum());
			result.put("footprint", footprint);
		}
	}

	/**
	 * Creates the play whole ({@code POST /plays}, until ACTIVE), waits for quiet, deletes it, and answers how long
	 * until no row of it is left anywhere.
	 */
	private long cascadeOnce(Edge edge, ConsumerLag lag, ChoreographyProbe probe, ReferencePlay play)
			throws Exception {
		UUID scriptId = edge.postPlay(play.document());
		awaitActive(edge, scriptId);
		awaitQuiet(lag);
		long start = System.nanoTime();
		edge.delete("/scripts/" + scriptId, 202);
		long deadline = start + Duration.ofMinutes(5).toNanos();
		while (probe.remaining(scriptId) > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The cascade of " + scriptId + " did not finish in 5 minutes");
			}
		}
		return System.nanoTime() - start;
	}

	/**
	 * Posts the play whole ({@code POST /plays}) and answers how long until its status is ACTIVE; then deletes it and
	 * waits for quiet, so that runs do not overlap.
	 */
	private long sagaOnce(Edge edge, ConsumerLag lag, ReferencePlay play) throws Exception {
		Object document = play.document();
		awaitQuiet(lag);
		long start = System.nanoTime();
		UUID id = edge.postPlay(document);
		awaitActive(edge, id);
		long nanos = System.nanoTime() - start;
		edge.delete("/scripts/" + id, 202);
		awaitQuiet(lag);
		return nanos;
	}

	/** Polls the play's status every 10 ms (so its time to ACTIVE is known to within that) for at most 5 minutes. */
	private static void awaitActive(Edge edge, UUID id) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (true) {
			String status = edge.get("/scripts/" + id + "/status").get("status").asString();
			if (status.equals("ACTIVE")) {
				return;
			}
			if (!status.equals("PENDING") || System.nanoTime() > deadline) {
				throw new IllegalStateException("The play " + id + " ended " + status + " instead of ACTIVE: "
						+ edge.get("/scripts/" + id + "/status"));
			}
			Thread.sleep(10);
		}
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
