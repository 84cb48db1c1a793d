package io.fountain.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.fountain.local.Service;

/**
 * Memory of each process of the stack, found by its command line, from /proc: resident
 * (RSS, which counts a page shared by several processes, such as the JDK's own code, once
 * in each) and proportional (PSS, which splits such a page between the processes sharing
 * it, so that the sum is what the stack takes from the machine).
 */
final class Footprint {

	private Footprint() {
	}

	static Map<String, Long> residentMegabytes() {
		return megabytes("/status", "VmRSS:");
	}

	static Map<String, Long> proportionalMegabytes() {
		return megabytes("/smaps_rollup", "Pss:");
	}

	private static Map<String, Long> megabytes(String file, String field) {
		Map<String, Long> megabytes = new LinkedHashMap<>();
		ProcessHandle.allProcesses().forEach(process -> {
			String command = process.info().commandLine().orElse("");
			name(command)
				.ifPresent(name -> megabytes.merge(name, kilobytes(process.pid(), file, field) / 1024, Long::sum));
		});
		return megabytes;
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

	private static long kilobytes(long pid, String file, String field) {
		try {
			return Files.readAllLines(Path.of("/proc/" + pid + file))
				.stream()
				.filter(line -> line.startsWith(field))
				.map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
				.findFirst()
				.orElse(0L);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

}
