package io.fountain.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.fountain.local.StackConfig;

/**
 * Every command under {@code infra/} answers {@code --help} with its usage and refuses an
 * unknown option or a malformed value with one line and status 2, before it builds or
 * starts anything ({@code ./infra/faults/run --help} once started the three-hour suite).
 * The scripts run as a user runs them; one that goes on instead (a JVM, Maven, apt-get or
 * npm among its processes) is stopped with everything it started, and the test fails at
 * once. It lives in this module because this one sees what the usage texts must agree
 * with: the launcher's ports and JVM options, the fault scenarios.
 */
class InfraCommandsTests {

	private static final Path REPO = Path.of(System.getProperty("fountain.repo", "../..")).toAbsolutePath().normalize();

	/**
	 * Ample for bash to read a command line on a busy machine; a script still running
	 * then has started work.
	 */
	private static final Duration DEADLINE = Duration.ofSeconds(30);

	/**
	 * What a script runs once it goes past its options: the JDK check, the build, the
	 * stack, the browser test.
	 */
	private static final Set<String> WORK = Set.of("java", "mvn", "apt-get", "apt", "dpkg", "npm", "node", "chromium");

	private static final List<String> COMMANDS = List.of("infra/run-local", "infra/test", "infra/token",
			"infra/bench/run", "infra/faults/run", "infra/fuzz/run");

	@TempDir
	Path output;

	static Stream<Arguments> helps() {
		return COMMANDS.stream().flatMap(command -> Stream.of(arguments(command, "--help"), arguments(command, "-h")));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("helps")
	void helpPrintsTheUsageAndExitsZero(String command, String help) throws Exception {
		Run run = run(command, Map.of(), List.of(help));

		assertThat(run.status()).isZero();
		assertThat(run.out()).startsWith("Usage: ./" + command).contains("-h, --help").contains("Example:");
		assertThat(run.err()).isEmpty();
	}

	static Stream<Arguments> refusals() {
		return Stream.of(arguments("infra/run-local", Map.of(), List.of("--bogus"), "unknown option --bogus"),
				arguments("infra/run-local", Map.of(), List.of("--clean", "now"), "unexpected argument now"),
				arguments("infra/run-local", Map.of("FOUNTAIN_EDGE_PORT", "eighty"), List.of(),
						"FOUNTAIN_EDGE_PORT='eighty' is not a port (1-65535)"),
				arguments("infra/run-local", Map.of("FOUNTAIN_AOT", "maybe"), List.of("--clean"),
						"FOUNTAIN_AOT='maybe' is neither on nor off"),
				arguments("infra/test", Map.of(), List.of("--bogus"), "unknown option --bogus"),
				arguments("infra/test", Map.of(), List.of("-pl", "no-such-module"), "no module 'no-such-module'"),
				arguments("infra/test", Map.of(), List.of("-pl"), "-pl needs a list of modules"),
				arguments("infra/test", Map.of(), List.of("-T", "x"), "-T x is not a thread count"),
				arguments("infra/token", Map.of(), List.of("--bogus"), "unknown option --bogus"),
				arguments("infra/token", Map.of(), List.of(), "name a user"),
				arguments("infra/token", Map.of(), List.of("alice", "--hours", "x"),
						"--hours x is not a whole number from 1 to 8760"),
				arguments("infra/token", Map.of(), List.of("alice", "--hours"), "--hours needs a number of hours"),
				arguments("infra/token", Map.of(), List.of("alice", "--role", "admin"), "unknown role admin"),
				arguments("infra/bench/run", Map.of(), List.of("--bogus"), "unknown option --bogus"),
				arguments("infra/bench/run", Map.of(), List.of("--sizes", "0"),
						"--sizes 0: 0 is not a whole number from 1 to 30"),
				arguments("infra/bench/run", Map.of(), List.of("--sizes", "x"), "x is not a whole number"),
				arguments("infra/bench/run", Map.of(), List.of("--quick", "--out"), "--out needs a directory"),
				arguments("infra/faults/run", Map.of(), List.of("--bogus"), "unknown option --bogus"),
				arguments("infra/faults/run", Map.of(), List.of("--rounds", "x"),
						"--rounds x is not a whole number from 1 to 1000"),
				arguments("infra/faults/run", Map.of(), List.of("--rounds"), "--rounds needs a number of rounds"),
				arguments("infra/faults/run", Map.of(), List.of("--scenarios", "kill9,nope"), "no scenario 'nope'"),
				arguments("infra/faults/run", Map.of(), List.of("--short", "--pause-seconds", "0"),
						"--pause-seconds 0 is not a whole number"),
				arguments("infra/fuzz/run", Map.of(), List.of("--bogus"), "unknown option --bogus"),
				arguments("infra/fuzz/run", Map.of(), List.of("--count", "x"), "--count x is not a whole number"),
				arguments("infra/fuzz/run", Map.of(), List.of("--seed"), "--seed needs"));
	}

	@ParameterizedTest(name = "{2} {0} {1}")
	@MethodSource("refusals")
	void refusesWithOneLineAndStatusTwo(String command, Map<String, String> environment, List<String> arguments,
			String reason) throws Exception {
		Run run = run(command, environment, arguments);

		assertThat(run.status()).isEqualTo(2);
		assertThat(run.out()).isEmpty();
		assertThat(run.err().lines()).singleElement()
			.asString()
			.startsWith("./" + command + ": ")
			.contains(reason)
			.endsWith("; see ./" + command + " --help");
	}

	@Test
	void runLocalListsEveryPortAndSettingWithItsDefault() throws Exception {
		String usage = run("infra/run-local", Map.of(), List.of("--help")).out();

		StackConfig.DEFAULT_PORTS
			.forEach((name, port) -> assertThat(usage).contains(StackConfig.environmentVariable(name) + "=" + port));
		assertThat(usage).contains("FOUNTAIN_PG_URL", "jdbc:postgresql://127.0.0.1:5432/", "FOUNTAIN_PG_USER",
				"(postgres)", "FOUNTAIN_PG_PASSWORD", "FOUNTAIN_JVM_OPTS", "FOUNTAIN_AOT", "JAVA_HOME", "--clean");
		StackConfig.DEFAULT_JVM_OPTIONS.stream()
			.filter(option -> !option.startsWith("-Xmx")) // each service's heap is its
															// own
			.forEach(option -> assertThat(usage).contains(option));
	}

	/**
	 * The README's Configuration says {@code ./infra/run-local --help} lists it: the same
	 * variables, both ways.
	 */
	@Test
	void runLocalHelpAndTheReadmeNameTheSameSettings() throws Exception {
		String usage = run("infra/run-local", Map.of(), List.of("--help")).out();
		String readme = Files.readString(REPO.resolve("README.md"));
		int configuration = readme.indexOf("## Configuration");
		String launcherParagraph = readme.substring(configuration, readme.indexOf("\n\n", configuration + 20));

		assertThat(launcherParagraph).contains("`./infra/run-local --help` lists it");
		assertThat(variables(launcherParagraph)).isEqualTo(variables(usage));
	}

	@Test
	void faultsListsEveryScenarioAndTheShortForm() throws Exception {
		String usage = run("infra/faults/run", Map.of(), List.of("--help")).out();

		Faults.SCENARIOS.forEach(scenario -> assertThat(usage).containsPattern("(?m)^ +" + scenario + " +\\S"));
		assertThat(usage).contains("one round of " + String.join(" and ", FaultSuite.SHORT_FORM))
			.contains("(default 20; 1 with --short)")
			.contains("kill9,broker-clean with --short");
		for (String scenario : Faults.SCENARIOS) {
			// The script checks the names itself, before it builds: its list is this one.
			Run run = run("infra/faults/run", Map.of(), List.of("--scenarios", scenario, "--bogus"));
			assertThat(run.err()).as(scenario).contains("unknown option --bogus");
		}
	}

	private static Set<String> variables(String text) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = Pattern.compile("FOUNTAIN_[A-Z_]+").matcher(text);
		while (matcher.find()) {
			names.add(matcher.group());
		}
		return names;
	}

	/**
	 * Runs the script from the checkout as a user does, with none of this machine's
	 * {@code FOUNTAIN_*} settings but the given ones, and waits for it to end by itself.
	 * A script that starts work instead is stopped, with every process it started, and
	 * the test fails naming what it started.
	 */
	private Run run(String command, Map<String, String> environment, List<String> arguments) throws Exception {
		List<String> commandLine = new ArrayList<>(List.of(REPO.resolve(command).toString()));
		commandLine.addAll(arguments);
		Path out = Files.createTempFile(output, "out", ".txt");
		Path err = Files.createTempFile(output, "err", ".txt");
		ProcessBuilder builder = new ProcessBuilder(commandLine).directory(REPO.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile());
		builder.environment().keySet().removeIf(name -> name.startsWith("FOUNTAIN_"));
		builder.environment().putAll(environment);
		Process process = builder.start();
		List<String> work = new ArrayList<>();
		try {
			await().alias("./" + command + " " + String.join(" ", arguments) + " ends by itself")
				.atMost(DEADLINE)
				.pollInterval(Duration.ofMillis(10))
				.until(() -> {
					Stream.concat(Stream.of(process.toHandle()), process.descendants())
						.map(InfraCommandsTests::work)
						.flatMap(Optional::stream)
						.forEach(work::add);
					return !process.isAlive() || !work.isEmpty();
				});
		}
		finally {
			stopAll(process);
		}
		assertThat(work).as("what ./%s %s started instead of answering at once", command, arguments).isEmpty();
		return new Run(process.exitValue(), read(out), read(err));
	}

	private static Optional<String> work(ProcessHandle process) {
		ProcessHandle.Info info = process.info();
		String name = info.command().map(command -> Path.of(command).getFileName().toString()).orElse("");
		String commandLine = info.commandLine().orElse(name);
		return WORK.contains(name) || commandLine.contains("mvnw") ? Optional.of(commandLine) : Optional.empty();
	}

	/**
	 * Parents first, so that none starts another child after its children were stopped.
	 */
	private static void stopAll(Process process) throws InterruptedException {
		Deque<ProcessHandle> tree = new ArrayDeque<>(List.of(process.toHandle()));
		while (!tree.isEmpty()) {
			ProcessHandle next = tree.poll();
			List<ProcessHandle> children = next.children().toList();
			next.destroyForcibly();
			tree.addAll(children);
		}
		process.waitFor();
	}

	private static String read(Path file) throws IOException {
		return Files.readString(file);
	}

	private record Run(int status, String out, String err) {
	}

}
