package io.fountain.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the launcher does with ports and child processes, which an operator meets when
 * something is in the way: a port in use or given twice is named with the variable that
 * moves it; a child that dies or hangs before it is ready is reported with its log; a
 * stopped child takes its own children with it.
 */
class PortsAndProcessesTests {

	@Test
	void aPortInUseIsNamedWithTheVariableThatMovesIt() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			int free = Readiness.freePort();
			Map<String, Integer> ports = new LinkedHashMap<>();
			ports.put("edge", taken.getLocalPort());
			ports.put("registry", free);

			List<String> problems = config(ports).portProblems();

			assertThat(problems).singleElement()
				.asString()
				.contains("Port " + taken.getLocalPort() + " (edge) is in use")
				.contains(StackConfig.environmentVariable("edge") + "=<port>");
		}
	}

	@Test
	void aPortGivenToTwoPartsIsNamedForBoth() {
		int port = Readiness.freePort();
		Map<String, Integer> ports = new LinkedHashMap<>();
		ports.put("kafka", port);
		ports.put("registry", port);

		assertThat(config(ports).portProblems()).singleElement()
			.asString()
			.contains("Port " + port + " is configured for both kafka and registry");
	}

	@Test
	void freePortsAreAllDifferentAndFree() {
		List<String> names = List.of("a", "b", "c", "d", "e", "f", "g", "h");
		Map<String, Integer> ports = Readiness.freePorts(names);

		assertThat(ports).containsOnlyKeys(names);
		assertThat(ports.values()).doesNotHaveDuplicates();
		assertThat(config(ports).portProblems()).isEmpty();
	}

	@Test
	void aChildThatDiesBeforeItIsReadyIsReportedWithTheEndOfItsLog(@TempDir Path dir) throws Exception {
		ManagedProcess child = ManagedProcess.start("registry",
				List.of("sh", "-c", "echo starting; echo 'cannot bind 8081' >&2; exit 3"), Map.of(),
				dir.resolve("registry.log"));

		assertThatIllegalStateException().isThrownBy(() -> Readiness.await(child, Duration.ofSeconds(20), () -> false))
			.withMessageContaining("registry exited before it was ready")
			.withMessageContaining(dir.resolve("registry.log").toString())
			.withMessageContaining("cannot bind 8081");
	}

	@Test
	void aChildNeverReadyIsReportedAtTheDeadlineAndTheWaitEndsWhenItIs(@TempDir Path dir) throws Exception {
		try (ManagedProcess child = ManagedProcess.start("edge", List.of("sh", "-c", "echo waiting; sleep 30"),
				Map.of(), dir.resolve("edge.log"))) {
			assertThatIllegalStateException()
				.isThrownBy(() -> Readiness.await(child, Duration.ofMillis(300), () -> false))
				.withMessageContaining("edge was not ready within 0 s")
				.withMessageContaining("waiting");

			long[] asked = new long[1];
			Readiness.await(child, Duration.ofSeconds(20), () -> ++asked[0] >= 3);
			assertThat(asked[0]).isEqualTo(3);
		}
	}

	@Test
	void stoppingAChildStopsItsOwnChildrenToo(@TempDir Path dir) throws Exception {
		ManagedProcess child = ManagedProcess.start("kafka", List.of("sh", "-c", "sleep 60 & sleep 60 & wait"),
				Map.of(), dir.resolve("kafka.log"));
		await().atMost(Duration.ofSeconds(10)).until(() -> descendants(child).size() == 2);
		List<ProcessHandle> grandchildren = descendants(child);

		child.stop(Duration.ofSeconds(5));

		assertThat(child.isAlive()).isFalse();
		await().atMost(Duration.ofSeconds(10)).until(() -> grandchildren.stream().noneMatch(ProcessHandle::isAlive));
	}

	@Test
	void killingAChildEndsItAtOnce(@TempDir Path dir) throws Exception {
		// A child that ignores the polite signal: only a kill ends it.
		ManagedProcess child = ManagedProcess.start("scene-svc",
				List.of("sh", "-c", "trap '' TERM; echo ready; while true; do sleep 1; done"), Map.of(),
				dir.resolve("scene.log"));
		await().atMost(Duration.ofSeconds(10)).until(() -> child.tail(1).equals("ready"));

		child.kill();

		assertThat(child.isAlive()).isFalse();
	}

	private static List<ProcessHandle> descendants(ManagedProcess child) {
		return ProcessHandle.of(child.pid()).map(handle -> handle.descendants().toList()).orElse(List.of());
	}

	private static StackConfig config(Map<String, Integer> ports) {
		return new StackConfig(Path.of("."), Path.of("data"), ports, "jdbc:postgresql://127.0.0.1:5432/", "postgres",
				"", "fountain", false, line -> {
				}, StackConfig.DEFAULT_JVM_OPTIONS);
	}

}
