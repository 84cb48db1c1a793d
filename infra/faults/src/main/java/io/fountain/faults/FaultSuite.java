package io.fountain.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.fountain.bench.ConsumerLag;
import io.fountain.bench.ReferencePlay;
import io.fountain.format.PlayDocument;
import io.fountain.local.CommandLine;
import io.fountain.local.LocalStack;
import io.fountain.local.Readiness;
import io.fountain.local.Service;
import io.fountain.local.StackConfig;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./infra/faults/run [--short] [--rounds N] [--scenarios a,b] [--pause-seconds S] [--out DIR]}:
 * starts the real stack as separate processes (its own ports and databases), and for each
 * scenario and round drives plays through the edge (sagas and cascades), injects the
 * fault, heals it, waits for quiet (all lags 0, outboxes empty, no play being created or
 * deleted) and checks the invariants. Prints and writes a table; exits 1 when any column
 * that must be zero is not.
 */
public final class FaultSuite {

	private static final Duration QUIET_TIMEOUT = Duration.ofMinutes(5);

	/**
	 * Commands the load must get acknowledged after a fault before the round ends: a
	 * round whose commands all failed (the edge killed, the load stopped before it was
	 * back) proves nothing about what the system keeps.
	 */
	static final int SERVED_AFTER_FAULT = 10;

	private static final Duration SERVED_TIMEOUT = Duration.ofMinutes(2);

	/** What {@code --short} runs, once each: what CI runs. */
	static final List<String> SHORT_FORM = List.of("kill9", "broker-clean");

	private final JsonMapper json = JsonMapper.builder().build();

	public static void main(String[] args) throws Exception {
		List<String> scenarios;
		int rounds;
		Duration pause;
		Path out;
		try {
			// The usage text is the script's (./infra/faults/run --help): it answers
			// before anything is built.
			CommandLine line = CommandLine
				.parse("./infra/faults/run", List.of(args), Set.of("--short"),
						Set.of("--rounds", "--scenarios", "--pause-seconds", "--out"))
				.optionsOnly();
			boolean shortForm = line.has("--short");
			rounds = line.wholeNumber("--rounds", shortForm ? 1 : 20, 1, 1000);
			scenarios = line.value("--scenarios")
				.map(list -> List.of(list.split(",", -1)))
				.orElse(shortForm ? SHORT_FORM : Faults.SCENARIOS);
			for (String scenario : scenarios) {
				if (!Faults.SCENARIOS.contains(scenario)) {
					throw line.refused("no scenario '" + scenario + "' (the scenarios: "
							+ String.join(" ", Faults.SCENARIOS) + ")");
				}
			}
			pause = Duration.ofSeconds(line.wholeNumber("--pause-seconds", 50, 1, 3600));
			out = Path.of(line.path("--out").orElse("infra/faults/target/results"));
		}
		catch (CommandLine.Refused refused) {
			refused.exit();
			return;
		}
		System.exit(new FaultSuite().run(scenarios, rounds, pause, out) ? 0 : 1);
	}

	private boolean run(List<String> scenarios, int rounds, Duration pause, Path out) throws Exception {
		Files.createDirectories(out);
		Path repo = Path.of(System.getProperty("fountain.repo", ".")).toAbsolutePath().normalize();
		Map<String, Integer> ports = Readiness.freePorts(StackConfig.DEFAULT_PORTS.keySet());
		StackConfig config = new StackConfig(repo, repo.resolve("infra/faults/target/stack"), ports,
				System.getenv().getOrDefault("FOUNTAIN_PG_URL", "jdbc:postgresql://127.0.0.1:5432/"),
				System.getenv().getOrDefault("FOUNTAIN_PG_USER", "postgres"),
				System.getenv().getOrDefault("FOUNTAIN_PG_PASSWORD", ""), "faults", true,
				line -> say("stack: " + line.strip()), StackConfig.DEFAULT_JVM_OPTIONS)
			.withEdgeArguments(StackConfig.LOAD_GENERATOR_LIMITS)
			// Two instances of every service (two-instances) must fit in PostgreSQL's 100
			// connections.
			.withServiceArguments(List.of("--spring.datasource.hikari.maximum-pool-size=4"));
		PlayDocument play = ReferencePlay.miniature().document();
		Map<String, Integer> expected = expectedParts(play);
		String playJson = json.writeValueAsString(play);
		Instant started = Instant.now();
		say("starting the stack (its own ports and databases, faults_*) ...");
		List<Row> report = new ArrayList<>();
		Thread stopOnSignal = null;
		try (LocalStack stack = LocalStack.start(config);
				Topics topics = new Topics(stack.bootstrapServers());
				ConsumerLag lag = new ConsumerLag(stack.bootstrapServers())) {
			// Stopped by a signal (Ctrl-C, kill, CI's timeout), the suite takes its
			// processes with it.
			stopOnSignal = new Thread(() -> {
				say("stopping every process of the stack ...");
				stack.close();
			}, "stack-stop");
			Runtime.getRuntime().addShutdownHook(stopOnSignal);
			Databases databases = new Databases(stack);
			Invariants invariants = new Invariants(databases, expected);
			Faults faults = new Faults(stack, databases, topics, new Random(20261122L), pause);
			for (String scenario : scenarios) {
				Row row = new Row(scenario);
				for (int round = 1; round <= rounds; round++) {
					say(scenario + " round " + round + "/" + rounds + ": load, fault, quiet, invariants ...");
					long deadLettersBefore = topics.deadLetters();
					var roundStart = topics.ends(Announcements.TOPICS.stream().map(t -> t.topicName()).toList());
					long reconciledBefore = databases.reconciliationFixes();
					Load load = new Load(stack.edgeUrl(), stack.token("faults"), playJson, 3,
							round * 7919L + scenario.hashCode());
					Thread.sleep(1000 + new Random(round).nextInt(2000)); // let sagas and
																			// cascades
																			// get under
																			// way
					int acknowledgedBefore = load.acknowledged();
					String fault = faults.inject(scenario);
					boolean served = awaitServed(load, acknowledgedBefore + SERVED_AFTER_FAULT);
					Thread.sleep(2000); // load goes on over the healed system a little
					load.close();
					long quietStart = System.nanoTime();
					boolean quiet = awaitQuiet(lag, databases, load);
					double secondsToQuiet = (System.nanoTime() - quietStart) / 1e9;
					Invariants.Findings findings = invariants.check(load.created, load.deleted, load.maybeDeleted,
							Announcements.of(topics.since(roundStart)));
					long deadLetters = topics.deadLetters() - deadLettersBefore;
					long reconciledFixes = databases.reconciliationFixes() - reconciledBefore;
					row.add(load.acknowledged(), served, findings, deadLetters, reconciledFixes, secondsToQuiet, quiet);
					say(String.format("%s round %d: %s; %d commands acknowledged (%d not; %d after the fault%s), "
							+ "%d orphans, %d lost, %d double, %d stuck, %d dead letters, %d reconciled, quiet in %.1f s",
							scenario, round, fault, load.acknowledged(), load.unacknowledged,
							load.acknowledged() - acknowledgedBefore, served ? "" : ": NOT SERVED AGAIN",
							findings.orphans(), findings.lostEffects(), findings.doubleEffects(), findings.stuckSagas(),
							deadLetters, reconciledFixes, secondsToQuiet));
					findings.problems().stream().limit(10).forEach(problem -> say("  " + problem));
				}
				report.add(row);
			}
		}
		if (stopOnSignal != null) {
			Runtime.getRuntime().removeShutdownHook(stopOnSignal); // the stack is stopped
																	// already
		}
		String table = table(report, rounds, started);
		Files.writeString(out.resolve("report.md"), table);
		System.out.println(table);
		boolean clean = report.stream().allMatch(Row::clean);
		say(clean ? "every column that must be zero is zero" : "FAILED: a column that must be zero is not; see above");
		return clean;
	}

	/**
	 * Whether the load got {@code target} commands acknowledged in all, polled until
	 * {@link #SERVED_TIMEOUT}: after a fault, the system must serve again before the
	 * round may end.
	 */
	private static boolean awaitServed(Load load, int target) throws InterruptedException {
		long deadline = System.nanoTime() + SERVED_TIMEOUT.toNanos();
		while (load.acknowledged() < target) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(100); // polling the load's count, with a deadline
		}
		return true;
	}

	/**
	 * All lags 0, all outboxes empty, and no acknowledged play still being created or
	 * deleted.
	 */
	private boolean awaitQuiet(ConsumerLag lag, Databases databases, Load load) throws Exception {
		long deadline = System.nanoTime() + QUIET_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				Map<UUID, String> states = databases.playStates();
				boolean settled = load.created.stream().noneMatch(id -> "PENDING".equals(states.get(id)))
						&& load.deleted.stream().noneMatch(id -> "DELETING".equals(states.get(id)))
						&& load.maybeDeleted.stream().noneMatch(id -> "DELETING".equals(states.get(id)));
				if (settled && lag.total() == 0 && databases.outboxBacklog() == 0) {
					return true;
				}
			}
			catch (Exception notYet) {
				// the broker or a database is still coming back
			}
			Thread.sleep(500); // polling for quiet, with a deadline
		}
		return false;
	}

	private static Map<String, Integer> expectedParts(PlayDocument play) {
		PlayDocument.Counts counts = play.counts();
		Map<String, Integer> expected = new LinkedHashMap<>();
		expected.put("act", counts.acts());
		expected.put("scene", counts.scenes());
		expected.put("action", counts.actions());
		expected.put("character", counts.characters());
		expected.put("dialogue", counts.dialogues());
		expected.put("parenthetical", counts.parentheticals());
		expected.put("transition", counts.transitions());
		return expected;
	}

	private static String table(List<Row> rows, int rounds, Instant started) {
		StringBuilder md = new StringBuilder();
		md.append("Fault suite run ")
			.append(started)
			.append(", ")
			.append(rounds)
			.append(" round(s) per scenario, on ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" cores, ")
			.append(System.getProperty("java.vm.name"))
			.append(' ')
			.append(System.getProperty("java.version"))
			.append(".\n\n")
			.append("| scenario | faults injected | commands acknowledged | rounds not served again | orphans | "
					+ "lost effects | double effects | stuck sagas | dead letters | reconciled | time to quiet (max) |\n")
			.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (Row row : rows) {
			md.append(String.format("| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %.1f s%s |%n", row.scenario,
					row.faults, row.acknowledged, row.unserved, row.orphans, row.lost, row.doubled, row.stuck,
					row.deadLetters, row.reconciled, row.maxQuietSeconds, row.allQuiet ? "" : " (not quiet)"));
		}
		return md.toString();
	}

	private static void say(String line) {
		System.out.printf("[faults %s] %s%n", LocalTime.now().withNano(0), line);
	}

	/** A scenario's totals over its rounds. */
	static final class Row {

		final String scenario;

		int faults;

		int acknowledged;

		/**
		 * Rounds in which fewer than {@link #SERVED_AFTER_FAULT} commands were
		 * acknowledged after the fault.
		 */
		int unserved;

		int orphans;

		int lost;

		int doubled;

		int stuck;

		long deadLetters;

		long reconciled;

		double maxQuietSeconds;

		boolean allQuiet = true;

		Row(String scenario) {
			this.scenario = scenario;
		}

		void add(int acknowledgedCommands, boolean served, Invariants.Findings findings, long letters, long fixes,
				double quietSeconds, boolean quiet) {
			faults++;
			acknowledged += acknowledgedCommands;
			unserved += served ? 0 : 1;
			orphans += findings.orphans();
			lost += findings.lostEffects();
			doubled += findings.doubleEffects();
			stuck += findings.stuckSagas();
			deadLetters += letters;
			reconciled += fixes;
			maxQuietSeconds = Math.max(maxQuietSeconds, quietSeconds);
			allQuiet &= quiet;
		}

		boolean clean() {
			return allQuiet && unserved == 0 && orphans == 0 && lost == 0 && doubled == 0 && stuck == 0
					&& deadLetters == 0 && reconciled == 0;
		}

	}

}
