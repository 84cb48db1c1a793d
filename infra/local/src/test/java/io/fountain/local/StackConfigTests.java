package io.fountain.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackConfigTests {

	@Test
	void withTheDefaultsEachApplicationGetsItsOwnHeapAndEverythingElseTheSame() {
		StackConfig config = config(StackConfig.DEFAULT_JVM_OPTIONS);
		assertThat(config.jvmOptionsOf(Service.ACT)).contains("-Xmx96m").doesNotContain("-Xmx160m");
		assertThat(config.jvmOptionsOf(Service.DIALOGUE)).contains("-Xmx160m");
		for (Service service : Service.values()) {
			List<String> options = config.jvmOptionsOf(service);
			assertThat(options).filteredOn(option -> option.startsWith("-Xmx")).hasSize(1);
			assertThat(options.stream().filter(option -> !option.startsWith("-Xmx"))).containsExactlyElementsOf(
					StackConfig.DEFAULT_JVM_OPTIONS.stream().filter(option -> !option.startsWith("-Xmx")).toList());
		}
	}

	@Test
	void optionsGivenExplicitlyAreUsedAsGivenForEveryApplication() {
		List<String> given = StackConfig.jvmOptions("-Xmx512m -XX:+UseParallelGC");
		StackConfig config = config(given);
		for (Service service : Service.values()) {
			assertThat(config.jvmOptionsOf(service)).containsExactly("-Xmx512m", "-XX:+UseParallelGC");
		}
	}

	@Test
	void aChildProcessGetsFewMallocArenasAndTheEnvironmentItIsGiven(@TempDir Path dir) throws Exception {
		Path log = dir.resolve("logs/child.log");
		ManagedProcess child = ManagedProcess.start("child",
				List.of("sh", "-c", "echo arenas=$MALLOC_ARENA_MAX secret=$SECRET"), Map.of("SECRET", "s3"), log);
		await().atMost(Duration.ofSeconds(10)).until(() -> !child.isAlive());
		assertThat(Files.readString(log).strip()).isEqualTo("arenas=2 secret=s3");
	}

	private static StackConfig config(List<String> jvmOptions) {
		return new StackConfig(Path.of("."), Path.of("data"), Map.of(), "jdbc:postgresql://127.0.0.1:5432/", "postgres",
				"", "fountain", false, line -> {
				}, jvmOptions);
	}

}
