package io.fountain.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import io.fountain.local.CommandLine;
import io.fountain.local.LocalStack;
import io.fountain.local.Readiness;
import io.fountain.local.Service;
import io.fountain.local.StackConfig;
import io.fountain.testing.RawHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./infra/fuzz/run [--short] [--seed N] [--count N] [--out DIR]}: starts the real
 * stack as separate processes (its own ports and databases), reads the edge's OpenAPI
 * document, makes a play through the API, sends every operation's valid request, then
 * {@code count} mutated ones ({@link Mutations}), checking each answer ({@link Checks},
 * {@link Witness}); at the end every service must be UP and a plain creation must still
 * work. Prints each finding with a request to reproduce it, writes report.md, and exits 1
 * when there is any.
 */
public final class FuzzSuite {

	/** What {@code --short} sends: what CI runs. */
	static final int SHORT_COUNT = 1_500;

	static final int LONG_COUNT = 20_000;

	static final int DEFAULT_SEED = 1;

	private static final Duration DOCUMENT_TIMEOUT = Duration.ofSeconds(60);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public static void main(String[] args) throws Exception {
		int seed;
		int count;
		Path out;
		try {
			// The usage text is the script's (./infra/fuzz/run --help): it answers before
			// anything is built.
			CommandLine line = CommandLine
				.parse("./infra/fuzz/run", List.of(args), Set.of("--short"), Set.of("--seed", "--count", "--out"))
				.optionsOnly();
			seed = line.wholeNumber("--seed", DEFAULT_SEED, 0, 999_999_999);
			count = line.wholeNumber("--count", line.has("--short") ? SHORT_COUNT : LONG_COUNT, 1, 1_000_000);
			out = Path.of(line.path("--out").orElse("infra/fuzz/target/results"));
		}
		catch (CommandLine.Refused refused) {
			refused.exit();
			return;
		}
		System.exit(new FuzzSuite().run(seed, count, out) ? 0 : 1);
	}

	private boolean run(int seed, int count, Path out) throws Exception {
		Files.createDirectories(out);
		Path repo = Path.of(System.getProperty("fountain.repo", ".")).toAbsolutePath().normalize();
		Map<String, Integer> ports = Readiness.freePorts(StackConfig.DEFAULT_PORTS.keySet());
		List<String> edgeArguments = new ArrayList<>(StackConfig.LOAD_GENERATOR_LIMITS);
		// Requests without a valid token are part of the fuzz: the per-address limit
		// would answer them all with 429.
		edgeArguments.add("--fountain.edge.limits.per-address=1000000");
		StackConfig config = new StackConfig(repo, repo.resolve("infra/fuzz/target/stack"), ports,
				System.getenv().getOrDefault("FOUNTAIN_PG_URL", "jdbc:postgresql://127.0.0.1:5432/"),
				System.getenv().getOrDefault("FOUNTAIN_PG_USER", "postgres"),
				System.getenv().getOrDefault("FOUNTAIN_PG_PASSWORD", ""), "fuzz", true,
				line -> say("stack: " + line.strip()), StackConfig.DEFAULT_JVM_OPTIONS)
			.withEdgeArguments(edgeArguments);
		Instant started = Instant.now();
		say("starting the stack (its own ports and databases, fuzz_*) ...");
		Thread stopOnSignal = null;
		Findings findings;
		String summary;
		Map<String, String> validAnswers;
		Map<String, Map<String, Integer>> answers;
		try (LocalStack stack = LocalStack.start(config)) {
			// Stopped by a signal (Ctrl-C, kill, CI's timeout), the suite takes its
			// processes with it.
			stopOnSignal = new Thread(() -> {
				say("stopping every process of the stack ...");
				stack.close();
			}, "stack-stop");
			Runtime.getRuntime().addShutdownHook(stopOnSignal);
			String token = stack.token("fuzz");
			Edge edge = new Edge(ports.get("edge"), token);
			findings = new Findings(FuzzSuite::say, token);
			ApiDocument document = apiDocument(edge, out);
			List<Operation> operations = document.operations();
			List<Mutation> mutations = Mutations.all();
			Fuzzer.Serials serials = new Fuzzer.Serials();
			ValidRequests validRequests = new ValidRequests(token);
			Fixtures fixtures = new Fixtures(edge, document, operations, validRequests, serials::next);
			fixtures.makePlay(findings::add);
			say("the play the requests work on: " + fixtures.play());
			Witness witness = new Witness(edge, document, "/scripts/" + fixtures.play().get("script") + "/tree",
					scriptsList(document, operations, validRequests, fixtures, serials));
			Fuzzer fuzzer = new Fuzzer(edge, document, operations, fixtures, validRequests, witness, findings,
					new Random(seed), serials);
			List<Fuzzer.Case> cases = Fuzzer.cases(operations, mutations);
			say(String.format("%d operations in the OpenAPI document, %d mutations, %d pairs that apply; seed %d, "
					+ "%,d mutated requests", operations.size(), mutations.size(), cases.size(), seed, count));
			fuzzer.confirmValid();
			long fuzzStart = System.nanoTime();
			List<Fuzzer.Case> plan = Fuzzer.plan(cases, count, new Random(seed));
			fuzzer.mutate(plan, FuzzSuite::say);
			double seconds = (System.nanoTime() - fuzzStart) / 1e9;
			say(String.format("%,d mutated requests in %.0f s (%,d sent in all)", count, seconds, edge.sent()));
			afterwards(stack, ports, edge, findings, validRequests, fixtures, document, serials);
			summary = String.format("Seed %d, %,d mutated requests of %d operations (%d mutations, %d pairs), %,d "
					+ "requests sent in all (the valid ones, the play, the reads of what writes could change) in %.0f s "
					+ "once the stack was up; %d cores, %s %s.", seed, count, operations.size(), mutations.size(),
					cases.size(), edge.sent(), seconds, Runtime.getRuntime().availableProcessors(),
					System.getProperty("java.vm.name"), System.getProperty("java.version"));
			validAnswers = fuzzer.validAnswers();
			answers = fuzzer.answers();
		}
		if (stopOnSignal != null) {
			Runtime.getRuntime().removeShutdownHook(stopOnSignal); // the stack is stopped
																	// already
		}
		String report = report(started, seed, count, summary, findings, validAnswers, answers);
		Files.writeString(out.resolve("report.md"), report);
		say("report: " + out.resolve("report.md"));
		if (findings.isEmpty()) {
			say("no findings");
			return true;
		}
		say("FAILED: " + findings.size() + " findings " + findings.counts() + "; see above and report.md");
		return false;
	}

	/**
	 * The edge's OpenAPI document once every service is in it (one that is down is named,
	 * not merged), kept beside the report: what the run derived its requests from.
	 */
	private static ApiDocument apiDocument(Edge edge, Path out) throws Exception {
		long deadline = System.nanoTime() + DOCUMENT_TIMEOUT.toNanos();
		String last = "no answer";
		while (System.nanoTime() < deadline) {
			Optional<RawHttp.Response> answer = edge.get("/v3/api-docs");
			if (answer.isPresent() && answer.get().status() == 200) {
				JsonNode document = JSON.readTree(answer.get().body());
				if (!document.has("x-unavailable-services") && !document.path("paths").isEmpty()) {
					Files.writeString(out.resolve("api-docs.json"), answer.get().body());
					return new ApiDocument(document);
				}
				last = "without " + document.path("x-unavailable-services");
			}
			else {
				last = answer.map(Checks::brief).orElse("no answer");
			}
			Thread.sleep(1000); // polling, with the deadline above
		}
		throw new IllegalStateException("No complete OpenAPI document from the edge: " + last);
	}

	/**
	 * The caller's scripts as the document's GET of them reads them (newest first: a new
	 * one is on page 0).
	 */
	private static String scriptsList(ApiDocument document, List<Operation> operations, ValidRequests validRequests,
			Fixtures fixtures, Fuzzer.Serials serials) {
		return operations.stream()
			.filter(op -> op.method().equals("GET") && op.template().equals("/scripts"))
			.findFirst()
			.map(op -> validRequests.build(op, document.methodsOf(op.template()), fixtures::playId, serials.next())
				.request()
				.target())
			.orElse("/scripts");
	}

	/**
	 * Every service UP, and a plain creation still made: the fuzz broke nothing for the
	 * next user.
	 */
	private static void afterwards(LocalStack stack, Map<String, Integer> ports, Edge edge, Findings findings,
			ValidRequests validRequests, Fixtures fixtures, ApiDocument document, Fuzzer.Serials serials) {
		for (Service service : Service.values()) {
			Request health = Request.of("GET", "/actuator/health").withHeader("Accept", "application/json");
			int port = ports.get(service.shortName());
			String state;
			try {
				RawHttp.Response answer = new RawHttp(port).exchangeAnswered(health.wire(port), Duration.ofSeconds(10));
				state = answer.status() == 200 ? JSON.readTree(answer.body()).path("status").asString()
						: Checks.brief(answer);
			}
			catch (RuntimeException noAnswer) {
				state = "no answer: " + noAnswer.getMessage();
			}
			if (!"UP".equals(state)) {
				findings.add(new Finding(Finding.Kind.UNHEALTHY, service.module() + " GET /actuator/health",
						"afterwards", "", health, state));
			}
		}
		stack.deadProcess()
			.ifPresent(dead -> findings.add(new Finding(Finding.Kind.UNHEALTHY, dead.toString(), "afterwards",
					"a process of the stack has died", Request.of("GET", "/"), "")));
		fixtures.creator("script").ifPresent(creator -> {
			Request create = validRequests
				.build(creator, document.methodsOf(creator.template()), fixtures::playId, serials.next())
				.request();
			Optional<RawHttp.Response> answer = edge.send(create);
			if (answer.isEmpty() || answer.get().status() != 201) {
				findings.add(new Finding(Finding.Kind.UNHEALTHY, creator.name(), "afterwards", "a plain creation",
						create, answer.map(Checks::brief).orElse("no answer")));
			}
			else {
				say("afterwards: every service UP, and " + creator.name() + " still answers 201");
			}
		});
	}

	private static String report(Instant started, int seed, int count, String summary, Findings findings,
			Map<String, String> validAnswers, Map<String, Map<String, Integer>> answers) {
		StringBuilder md = new StringBuilder();
		md.append("# Fuzz suite run ")
			.append(started)
			.append("\n\n")
			.append(summary)
			.append("\n\n")
			.append("Run again: `./infra/fuzz/run --seed ")
			.append(seed)
			.append(" --count ")
			.append(count)
			.append("`. Each finding below has a request that reproduces it against `./infra/run-local`: set ")
			.append("`E=http://localhost:8080` and `T=$(./infra/token fuzz)`, and put ids of a play of your own ")
			.append("in place of the run's.\n\n## Findings by class\n\n")
			.append(findings.markdown())
			.append("\n## The valid request of each operation\n\n| operation | answer |\n|---|---|\n");
		validAnswers.forEach((operation, answer) -> md.append("| ")
			.append(operation)
			.append(" | ")
			.append(answer.replace("|", "\\|"))
			.append(" |\n"));
		md.append("\n## The answers to each mutation\n\n| mutation | requests | 2xx | 3xx | 4xx | 5xx | no answer |\n")
			.append("|---|---|---|---|---|---|---|\n");
		answers.forEach((mutation, classes) -> md.append("| ")
			.append(mutation)
			.append(" | ")
			.append(classes.values().stream().mapToInt(Integer::intValue).sum())
			.append(" | ")
			.append(classes.getOrDefault("2xx", 0))
			.append(" | ")
			.append(classes.getOrDefault("3xx", 0))
			.append(" | ")
			.append(classes.getOrDefault("4xx", 0))
			.append(" | ")
			.append(classes.getOrDefault("5xx", 0))
			.append(" | ")
			.append(classes.getOrDefault("none", 0))
			.append(" |\n"));
		return md.toString();
	}

	private static void say(String line) {
		System.out.printf("[fuzz %s] %s%n", LocalTime.now().withNano(0), line);
	}

}
