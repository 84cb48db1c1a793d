package io.fountain.local;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./infra/run-local}: starts the whole system in the foreground and stops all of
 * it on Ctrl-C or SIGTERM. {@code --clean} starts from empty databases and an empty
 * Kafka. The options and settings: {@code ./infra/run-local
 * --help}.
 */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) throws InterruptedException {
		CommandLine line;
		try {
			// The usage text is the script's (./infra/run-local --help): it answers
			// before anything is built.
			line = CommandLine.parse("./infra/run-local", List.of(args), Set.of("--clean"), Set.of()).optionsOnly();
		}
		catch (CommandLine.Refused refused) {
			refused.exit();
			return;
		}
		Path repoRoot = Path.of(System.getProperty("fountain.repo", ".")).toAbsolutePath().normalize();
		StackConfig config = StackConfig.fromEnvironment(repoRoot, line.has("--clean"), Main::say);
		say("starting the local stack" + (config.clean() ? " from scratch (--clean)" : "") + "; logs in "
				+ config.dataDir().resolve("logs"));
		CountDownLatch stopped = new CountDownLatch(1);
		AtomicBoolean stopping = new AtomicBoolean();
		LocalStack stack;
		try {
			stack = LocalStack.start(config);
		}
		catch (RuntimeException ex) {
			say("FAILED: " + ex.getMessage());
			say("Nothing was left running. Fix the cause above and run ./infra/run-local again.");
			System.exit(1);
			return;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stopping.set(true);
			say("stopping every process of the stack ...");
			stack.close();
			say("stopped.");
			stopped.countDown();
		}, "stack-stop"));
		say(String.format("READY in %.0f s: Fountain at %s. Every call needs a bearer token; get one for a user with "
				+ "./infra/token <user> (add --role operator for /ops). Try:%n  TOKEN=$(./infra/token alice)%n  curl -s -X POST %s/scripts -H \"Authorization: Bearer $TOKEN\" "
				+ "-H 'Content-Type: application/json' -d '{\"title\":\"My play\"}'%nCtrl-C stops everything.",
				stack.uptime().toMillis() / 1000.0, stack.edgeUrl(), stack.edgeUrl()));
		while (stopped.getCount() > 0) {
			var dead = stack.deadProcess();
			if (dead.isPresent() && !stopping.get()) {
				say(dead.get().name() + " exited unexpectedly. Its log (" + dead.get().log() + ") ends with:\n"
						+ dead.get().tail(20));
				System.exit(1); // the shutdown hook stops the rest
			}
			Thread.sleep(2000);
		}
	}

	private static void say(String line) {
		System.out
			.println("[fountain " + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + line);
	}

}
