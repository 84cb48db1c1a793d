package io.fountain.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Single commands, one at a time with a pause between them, on a stack with nothing else
 * to do: each command's event travels alone, so the hops read meanwhile are the event
 * path's own cost, not a queue's.
 */
final class Trickle {

	record Result(int commands, long errors, List<Long> latenciesNanos) {
	}

	private Trickle() {
	}

	/**
	 * Adds {@code commands} dialogue blocks to the stage's play, waiting {@code pause}
	 * after each answer.
	 */
	static Result run(Throughput.Stage stage, int commands, Duration pause) throws InterruptedException {
		List<Long> latencies = new ArrayList<>();
		long errors = 0;
		for (int n = 0; n < commands; n++) {
			UUID scene = stage.scenes().get(n % stage.scenes().size());
			long t = System.nanoTime();
			try {
				if (stage.edge()
					.post("/scenes/" + scene + "/dialogues",
							"{\"characterId\": \"" + stage.character() + "\", \"text\": \"Line " + n + ".\"}") != 201) {
					errors++;
				}
			}
			catch (IOException ex) {
				errors++;
			}
			latencies.add(System.nanoTime() - t);
			Thread.sleep(pause);
		}
		return new Result(commands, errors, latencies);
	}

}
