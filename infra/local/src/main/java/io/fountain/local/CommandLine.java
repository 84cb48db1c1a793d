package io.fountain.local;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of one of the commands under {@code infra/} ({@code run-local},
 * {@code token}, {@code bench/run}, {@code faults/run}), read strictly. Their scripts
 * refuse a bad command line before they build anything; the mains refuse it again when
 * started some other way, because an option that is ignored runs hours of work with the
 * defaults ({@code ./infra/faults/run --help} once started the three-hour suite).
 * {@code --name value} and {@code --name=value} are the same; given twice, the last value
 * wins.
 */
public final class CommandLine {

	private final String command;

	private final Set<String> flags = new HashSet<>();

	private final Map<String, List<String>> values = new LinkedHashMap<>();

	private final List<String> operands = new ArrayList<>();

	private CommandLine(String command) {
		this.command = command;
	}

	/**
	 * @param command as a user types it ({@code ./infra/faults/run}): refusals name it
	 * and its {@code --help}
	 * @param flags the options that take no value
	 * @param valued the options followed by a value
	 * @throws Refused for an option that is neither, or a value that is missing
	 */
	public static CommandLine parse(String command, List<String> arguments, Set<String> flags, Set<String> valued) {
		CommandLine line = new CommandLine(command);
		for (int i = 0; i < arguments.size(); i++) {
			String argument = arguments.get(i);
			int equals = argument.indexOf('=');
			if (argument.startsWith("--") && equals > 0 && valued.contains(argument.substring(0, equals))) {
				line.values.computeIfAbsent(argument.substring(0, equals), name -> new ArrayList<>())
					.add(argument.substring(equals + 1));
			}
			else if (valued.contains(argument)) {
				// The next option is no value: "--out --short" forgot the directory.
				if (i + 1 == arguments.size() || arguments.get(i + 1).startsWith("-")) {
					throw line.refused(argument + " needs a value");
				}
				line.values.computeIfAbsent(argument, name -> new ArrayList<>()).add(arguments.get(++i));
			}
			else if (flags.contains(argument)) {
				line.flags.add(argument);
			}
			else if (argument.startsWith("-")) {
				throw line.refused("unknown option " + argument);
			}
			else {
				line.operands.add(argument);
			}
		}
		return line;
	}

	public boolean has(String flag) {
		return flags.contains(flag);
	}

	/** The option's last value, if it was given. */
	public Optional<String> value(String option) {
		List<String> given = values(option);
		return given.isEmpty() ? Optional.empty() : Optional.of(given.getLast());
	}

	/** Every value the option was given, in order. */
	public List<String> values(String option) {
		return values.getOrDefault(option, List.of());
	}

	/** A directory or a file named by the option, not empty. */
	public Optional<String> path(String option) {
		Optional<String> path = value(option);
		if (path.isPresent() && path.get().isBlank()) {
			throw refused(option + " needs a directory");
		}
		return path;
	}

	/**
	 * The option's whole number, from {@code min} to {@code max}, or {@code otherwise}
	 * when it was not given.
	 */
	public int wholeNumber(String option, int otherwise, int min, int max) {
		return value(option).map(value -> wholeNumber(option, value, value, min, max)).orElse(otherwise);
	}

	/**
	 * The option's comma-separated whole numbers, each from {@code min} to {@code max}.
	 */
	public Optional<List<Integer>> wholeNumbers(String option, int min, int max) {
		return value(option).map(list -> {
			List<String> items = List.of(list.split(",", -1));
			if (list.isBlank()) {
				throw refused(option + " names no number");
			}
			return items.stream().map(item -> wholeNumber(option, list, item, min, max)).toList();
		});
	}

	/** The arguments that are not options. */
	public List<String> operands() {
		return List.copyOf(operands);
	}

	/**
	 * Refuses any argument that is not an option, for a command that takes options only.
	 */
	public CommandLine optionsOnly() {
		if (!operands.isEmpty()) {
			throw refused("unexpected argument " + operands.getFirst() + " (options only)");
		}
		return this;
	}

	/** A refusal of this command line, for a reason in a few words. */
	public Refused refused(String reason) {
		return new Refused(command + ": " + reason + "; see " + command + " --help");
	}

	private int wholeNumber(String option, String given, String item, int min, int max) {
		if (item.matches("[0-9]{1,9}")) {
			int number = Integer.parseInt(item);
			if (number >= min && number <= max) {
				return number;
			}
		}
		String what = item.isEmpty() ? "a number is missing"
				: item + " is not a whole number from " + min + " to " + max;
		throw refused(option + " " + (given.equals(item) ? what : given + ": " + what));
	}

	/**
	 * A command line refused: its message is the one line a user reads; the command then
	 * exits with status 2.
	 */
	public static final class Refused extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Refused(String message) {
			super(message, null, false, false);
		}

		/**
		 * Prints the reason on stderr and ends the JVM with status 2, the status of a
		 * usage error.
		 */
		public void exit() {
			System.err.println(getMessage());
			System.exit(2);
		}

	}

}
