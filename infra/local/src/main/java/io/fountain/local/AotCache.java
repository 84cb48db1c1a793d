package io.fountain.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A service's JVM started from an ahead-of-time cache (JDK 25: JEP 483, 514, 515): its
 * classes already loaded and linked, and the methods its start-up runs already profiled.
 * Seven Spring Boot JVMs starting at once on two cores spent about three quarters of
 * their start-up loading and linking classes (JFR, issue 14); the cache gives that back
 * without giving up the C2 compiler, which the stack used to turn off (C1 only) to start
 * in time.
 * <p>
 * The cache needs a plain class path (not Spring Boot's nested jars), so the service's
 * executable jar is extracted once next to it ({@code <module>/target/aot/app}, again
 * whenever the build makes a different jar: known by its digest, since the build's jars
 * all carry one fixed timestamp). The cache itself is made by a training start: the
 * service's own command with {@code -XX:AOTCacheOutput} and
 * {@code spring.context.exit=onRefresh}, so the service starts completely (its database,
 * Kafka and registry connections included) and exits, and the JVM writes the cache. That
 * happens at the first start after a build; later starts use the cache. A JDK older than
 * 25, {@code FOUNTAIN_AOT=off}, or a training start that fails: the service starts from
 * its jar as before (and says why).
 */
final class AotCache {

	/** How long a training start may take, all services training at once on two cores. */
	private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(4);

	private final Path home;

	private final Path executableJar;

	private final Consumer<String> progress;

	private AotCache(Path home, Path executableJar, Consumer<String> progress) {
		this.home = home;
		this.executableJar = executableJar;
		this.progress = progress;
	}

	/**
	 * The cache of a service's jar, or null when the running JDK has none or it is turned
	 * off.
	 */
	static AotCache of(Path executableJar, Consumer<String> progress) {
		if (Runtime.version().feature() < 25 || "off".equalsIgnoreCase(System.getenv("FOUNTAIN_AOT"))) {
			return null;
		}
		return new AotCache(executableJar.getParent().resolve("aot"), executableJar, progress);
	}

	/**
	 * The JVM options and jar that start the service, training the cache first when there
	 * is none for this jar.
	 * @param jvmOptions the service's JVM options
	 * @param commandFor the whole command, given the JVM options and the jar to run
	 */
	List<String> command(List<String> jvmOptions, CommandBuilder commandFor, Map<String, String> environment,
			Path trainingLog) throws IOException, InterruptedException {
		Path jar = extracted();
		Path cache = home.resolve("app.aot");
		if (!Files.exists(cache)) {
			train(jvmOptions, commandFor, environment, trainingLog, jar, cache);
		}
		if (!Files.exists(cache)) {
			return commandFor.build(jvmOptions, jar);
		}
		List<String> options = new ArrayList<>(jvmOptions);
		options.add("-XX:AOTCache=" + cache);
		return commandFor.build(options, jar);
	}

	private void train(List<String> jvmOptions, CommandBuilder commandFor, Map<String, String> environment,
			Path trainingLog, Path jar, Path cache) throws IOException, InterruptedException {
		progress.accept("training the start-up cache of " + executableJar.getFileName()
				+ " (once after each build; FOUNTAIN_AOT=off skips it) ...");
		List<String> options = new ArrayList<>(jvmOptions);
		options.add("-XX:AOTCacheOutput=" + cache);
		options.add("-Dspring.context.exit=onRefresh");
		List<String> command = commandFor.build(options, jar);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(trainingLog.toFile());
		builder.environment().putAll(environment);
		Process training = builder.start();
		if (!training.waitFor(TRAINING_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
			training.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			progress.accept("no start-up cache for " + executableJar.getFileName() + ": its training start took over "
					+ TRAINING_TIMEOUT.toMinutes() + " minutes (see " + trainingLog + "); starting without one");
		}
		else if (!Files.exists(cache)) {
			progress.accept("no start-up cache for " + executableJar.getFileName() + ": its training start ended with "
					+ training.exitValue() + " (see " + trainingLog + "); starting without one");
		}
	}

	/**
	 * The executable jar extracted to a plain class path, again when the build made a
	 * different one.
	 */
	private Path extracted() throws IOException, InterruptedException {
		Path app = home.resolve("app");
		Path jar = app.resolve(executableJar.getFileName());
		Path digestFile = home.resolve("source.sha256");
		String digest = digest(executableJar);
		if (Files.exists(jar) && Files.exists(digestFile) && Files.readString(digestFile).equals(digest)) {
			return jar;
		}
		LocalStack.deleteRecursively(home);
		Files.createDirectories(home);
		Process extract = new ProcessBuilder(ManagedProcess.currentJava(), "-Djarmode=tools", "-jar",
				executableJar.toString(), "extract", "--destination", app.toString())
			.redirectErrorStream(true)
			.redirectOutput(home.resolve("extract.log").toFile())
			.start();
		if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0 || !Files.exists(jar)) {
			extract.destroyForcibly();
			throw new UncheckedIOException(new IOException("Cannot extract " + executableJar
					+ " for its start-up cache: see " + home.resolve("extract.log") + " (or set FOUNTAIN_AOT=off)"));
		}
		Files.writeString(digestFile, digest);
		return jar;
	}

	private static String digest(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[1 << 16];
			for (int read; (read = in.read(buffer)) > 0;) {
				sha256.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(sha256.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Makes a service's command from its JVM options and the jar to run. */
	@FunctionalInterface
	interface CommandBuilder {

		List<String> build(List<String> jvmOptions, Path jar);

	}

}
