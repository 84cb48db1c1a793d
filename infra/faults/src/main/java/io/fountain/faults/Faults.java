package io.fountain.faults;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.fountain.local.LocalStack;
import io.fountain.local.Service;

/**
 * The faults, each injected into the running stack and healed before it returns; each
 * says what it did.
 */
final class Faults {

	/** The scenarios by name, in the order they run. */
	static final List<String> SCENARIOS = List.of("kill9", "kill9-two", "broker-clean", "broker-kill", "pg-gone",
			"sigstop", "offsets-reset", "two-instances");

	private final LocalStack stack;

	private final Databases databases;

	private final Topics topics;

	private final Random random;

	private final Duration pause;

	Faults(LocalStack stack, Databases databases, Topics topics, Random random, Duration pause) {
		this.stack = stack;
		this.databases = databases;
		this.topics = topics;
		this.random = random;
		this.pause = pause;
	}

	/** Injects one fault of the scenario, heals it, and answers what was done. */
	String inject(String scenario) throws Exception {
		return switch (scenario) {
			case "kill9" -> kill(1);
			case "kill9-two" -> kill(2);
			case "broker-clean" -> broker(false);
			case "broker-kill" -> broker(true);
			case "pg-gone" -> databaseGone();
			case "sigstop" -> paused();
			case "offsets-reset" -> replayed();
			case "two-instances" -> oneOfTwoKilled();
			default -> throw new IllegalArgumentException("No scenario " + scenario + "; the scenarios: " + SCENARIOS);
		};
	}

	/** kill -9 of random processes (any service or the edge), then started again. */
	private String kill(int count) throws InterruptedException {
		List<Service> all = new ArrayList<>(List.of(Service.values()));
		Collections.shuffle(all, random);
		List<Service> victims = all.subList(0, count);
		victims.forEach(stack::kill);
		Thread.sleep(500 + random.nextInt(2500)); // down for a while, under load
		victims.forEach(victim -> stack.restart(victim, List.of()));
		return "kill -9 " + victims.stream().map(Service::module).toList();
	}

	private String broker(boolean kill) throws IOException, InterruptedException {
		stack.restartBroker(kill);
		return kill ? "broker kill -9 and start" : "broker stop and start";
	}

	/**
	 * One service's database refuses connections and drops the open ones, for a few
	 * seconds.
	 */
	private String databaseGone() throws InterruptedException {
		Service victim = Service.backends().get(random.nextInt(Service.backends().size()));
		String database = databases.database(victim);
		databases.admin("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS false");
		try {
			databases
				.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
			Thread.sleep(3000 + random.nextInt(3000)); // the database is away this long
		}
		finally {
			databases.admin("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true");
		}
		return "PostgreSQL away for " + victim.module();
	}

	/**
	 * SIGSTOP long enough for its consumer group to give its partitions to nobody
	 * (watched: the group's member must be gone before SIGCONT, or the round did not test
	 * what it says), then SIGCONT.
	 */
	private String paused() throws Exception {
		Service victim = Service.backends().get(random.nextInt(Service.backends().size()));
		long pid = stack.pid(victim);
		long stoppedAt = System.nanoTime();
		long until = stoppedAt + pause.toNanos();
		Double emptiedAfter = null;
		signal("STOP", pid);
		try {
			while (System.nanoTime() < until) {
				if (emptiedAfter == null && topics.members(victim.module()) == 0) {
					emptiedAfter = (System.nanoTime() - stoppedAt) / 1e9;
				}
				Thread.sleep(Math.max(0, Math.min(1000, (until - System.nanoTime()) / 1_000_000))); // polling
																									// the
																									// group
			}
		}
		finally {
			signal("CONT", pid);
		}
		if (emptiedAfter == null) {
			throw new IllegalStateException("SIGSTOP of " + victim.module() + " for " + pause.toSeconds() + " s: its "
					+ "consumer group still had its member, so no rebalance happened and the scenario tested nothing. "
					+ "Give a pause longer than the consumers' session timeout (--pause-seconds).");
		}
		return String.format("SIGSTOP %s for %d s (its group had no member after %.0f s)", victim.module(),
				pause.toSeconds(), emptiedAfter);
	}

	/**
	 * A service stopped, its group moved back to the start of every topic, started again:
	 * it all comes twice.
	 */
	private String replayed() throws Exception {
		Service victim = Service.backends().get(random.nextInt(Service.backends().size()));
		stack.stop(victim);
		topics.resetToStart(victim.module());
		stack.restart(victim, List.of());
		return "offsets of " + victim.module() + " reset to the start";
	}

	/**
	 * Every service runs as two instances in one consumer group (the second ones started
	 * at the first round, and kept). One instance of a random service is killed with
	 * SIGKILL under load: its partitions, and the outbox relay when it held it, move to
	 * the other, which carries on alone for a few seconds; then the killed one starts
	 * again.
	 */
	private String oneOfTwoKilled() throws InterruptedException {
		Service.backends().forEach(stack::startSecond);
		Service victim = Service.backends().get(random.nextInt(Service.backends().size()));
		boolean first = random.nextBoolean();
		if (first) {
			stack.kill(victim);
		}
		else {
			stack.killSecond(victim);
		}
		Thread.sleep(2000 + random.nextInt(3000)); // the survivor alone, under load
		if (first) {
			stack.restart(victim, List.of());
		}
		else {
			stack.startSecond(victim);
		}
		return "kill -9 of " + (first ? "the first" : "the second") + " of two " + victim.module();
	}

	private static void signal(String signal, long pid) throws IOException, InterruptedException {
		Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
		if (kill.waitFor() != 0) {
			throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
		}
	}

}
