package io.fountain.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process the launcher (or a test) owns: its output goes to a log file, and
 * {@link #stop()} ends it and everything it started, politely first (SIGTERM), then for
 * good.
 */
public final class ManagedProcess implements AutoCloseable {

	private final String name;

	private final Process process;

	/**
	 * glibc gives every thread that allocates natively an arena of its own, up to eight
	 * per core, each keeping what it once held: with a JVM's compiler, GC and Kafka
	 * client threads that is tens of MB per process that PSS counts and nothing uses. Two
	 * are enough for a JVM, whose own heap does not go through malloc.
	 */
	static final String MALLOC_ARENAS = "2";

	private final Path log;

	private ManagedProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	public static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path log)
			throws IOException {
		Files.createDirectories(log.getParent());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().put("MALLOC_ARENA_MAX", MALLOC_ARENAS);
		builder.environment().putAll(environment);
		return new ManagedProcess(name, builder.start(), log);
	}

	/**
	 * The java binary running this JVM: the launcher and the tests run on a JDK >= 21,
	 * and so do their children.
	 */
	public static String currentJava() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

	public String name() {
		return name;
	}

	public long pid() {
		return process.pid();
	}

	public Path log() {
		return log;
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	/** The last lines of the log, to say why a process failed. */
	public String tail(int lines) {
		try {
			List<String> all = Files.readAllLines(log);
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no log at " + log + ")";
		}
	}

	/**
	 * Kills the process and its children at once (SIGKILL): nothing is flushed, no
	 * shutdown hook runs.
	 */
	public void kill() {
		List<ProcessHandle> descendants = process.descendants().toList();
		process.destroyForcibly();
		descendants.forEach(ProcessHandle::destroyForcibly);
		try {
			process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	public void stop() {
		stop(Duration.ofSeconds(15));
	}

	public void stop(Duration grace) {
		List<ProcessHandle> descendants = process.descendants().toList();
		process.destroy();
		descendants.forEach(ProcessHandle::destroy);
		try {
			if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
	}

	@Override
	public void close() {
		stop();
	}

}
