package io.fountain.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.fountain.local.Service;

/** Resident memory of each process of the stack, found by its command line, from /proc. */
final class Footprint {

	private Footprint() {
	}

	static Map<String, Long> residentMegabytes() {
		Map<String, Long> rss = new LinkedHashMap<>();
		ProcessHandle.allProcesses().forEach(process -> {
			String command = process.info().commandLine().orElse("");
			name(command).ifPresent(name -> rss.merge(name, kilobytes(process.pid()) / 1024, Long::sum));
		});
		return rss;
	}

	private static Optional<String> name(String command) {
		for (Service service : Service.values()) {
			if (command.contains("/" + service.module() + "-") && command.contains("-exec.jar")) {
				return Optional.of(service.module());
			}
		}
		if (command.contains("kafka.Kafka ")) {
			return Optional.of("kafka");
		}
		if (command.contains("quarkus-run.jar")) {
			return Optional.of("schema registry");
		}
		return Optional.empty();
	}

	private static long kilobytes(long pid) {
		try {
			return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
				.filter(line -> line.startsWith("VmRSS:"))
				.map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
				.findFirst()
				.orElse(0L);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}
}
