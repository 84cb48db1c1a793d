package io.fountain.eventing.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Clients keep creating children of a parent while the parent is deleted. The race is
 * only a test if both sides of it happened, so this waits until some creations have
 * succeeded before it deletes the parent, lets every client go on until it is refused,
 * and asserts both: creations that succeeded (before or during the deletion) and a
 * refusal for every client after it. The caller then asserts that nothing is left, which
 * proves the deletion took what was made. A fixed schedule (delete after the twentieth
 * request was <em>submitted</em>) was not enough: on a slow machine the deletion could
 * land before any request ran, and the test passed with every creation refused.
 */
public final class DeletionRace {

	private static final int CLIENTS = 8;

	private static final int MADE_BEFORE_THE_DELETION = 10;

	private static final Duration DEADLINE = Duration.ofSeconds(30);

	private DeletionRace() {
	}

	/**
	 * Runs the race and returns how many creations succeeded.
	 * @param create one creation request, answering its HTTP status: 201 when made, 404
	 * once the parent is gone
	 * @param deleteParent sends the parent's deletion (an upstream event)
	 */
	public static int run(IntSupplier create, Runnable deleteParent) throws Exception {
		AtomicInteger made = new AtomicInteger();
		ConcurrentLinkedQueue<Integer> unexpected = new ConcurrentLinkedQueue<>();
		long giveUpAt = System.nanoTime() + DEADLINE.toNanos();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		List<Future<Integer>> refusals = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			refusals.add(clients.submit(() -> {
				while (System.nanoTime() < giveUpAt) {
					int status = create.getAsInt();
					if (status == 404) {
						return 1;
					}
					if (status == 201) {
						made.incrementAndGet();
					}
					else {
						unexpected.add(status);
						return 0;
					}
				}
				return 0;
			}));
		}
		try {
			await().atMost(DEADLINE).until(() -> made.get() >= MADE_BEFORE_THE_DELETION || !unexpected.isEmpty());
			deleteParent.run();
			int refused = 0;
			for (Future<Integer> client : refusals) {
				refused += client.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
			}
			assertThat(unexpected).as("statuses other than 201 (made) and 404 (parent gone)").isEmpty();
			assertThat(made.get()).as("creations that succeeded").isGreaterThanOrEqualTo(MADE_BEFORE_THE_DELETION);
			assertThat(refused).as("clients refused once the parent was deleted").isEqualTo(CLIENTS);
			return made.get();
		}
		finally {
			clients.shutdownNow();
		}
	}

}
