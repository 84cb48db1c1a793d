package io.fountain.bench;

/**
 * One line that says what the benchmark is doing, rewritten in place on a terminal,
 * appended elsewhere.
 */
final class Progress {

	private final boolean terminal = System.console() != null;

	private final long start = System.nanoTime();

	private long lastPrinted;

	synchronized void update(String what) {
		long now = System.nanoTime();
		if (!terminal && now - lastPrinted < 5_000_000_000L) {
			return; // in a log, one line every 5 s is enough
		}
		lastPrinted = now;
		String line = String.format("[bench %5.0f s] %s", (now - start) / 1e9, what);
		if (terminal) {
			System.out.print("\r" + line + " ".repeat(Math.max(0, 100 - line.length())));
		}
		else {
			System.out.println(line);
		}
	}

	synchronized void say(String what) {
		if (terminal) {
			System.out.print("\r" + " ".repeat(110) + "\r");
		}
		System.out.println(String.format("[bench %5.0f s] %s", (System.nanoTime() - start) / 1e9, what));
		lastPrinted = System.nanoTime();
	}

}
