package io.fountain.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the figures were measured on: they only compare within one run on one machine. */
final class Machine {

	private Machine() {
	}

	static Map<String, Object> describe() {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("memory", firstLine(Path.of("/proc/meminfo"), "MemTotal"));
		machine.put("cpu", firstLine(Path.of("/proc/cpuinfo"), "model name"));
		machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		return machine;
	}

	private static String firstLine(Path file, String prefix) {
		try {
			return Files.readAllLines(file)
				.stream()
				.filter(l -> l.startsWith(prefix))
				.map(l -> l.substring(l.indexOf(':') + 1).strip())
				.findFirst()
				.orElse("?");
		}
		catch (Exception ex) {
			return "?";
		}
	}

}
