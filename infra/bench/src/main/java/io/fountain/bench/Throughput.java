package io.fountain.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N clients adding dialogue through the edge for a while, as fast as answers come back:
 * commands per second, latency, errors; and the consumers' lag during the run and the
 * time it takes to drain after. Each client speaks with its own {@link Edge}: as a user
 * of its own (the headline figure) or all as one user (one rate-limit bucket, one user's
 * access rows).
 */
final class Throughput {

	record Result(int clients, double seconds, long commands, long errors, double perSecond, Stats latency, long maxLag,
			double drainSeconds, List<Long> latenciesNanos) {
	}

	/**
	 * A client's own play: who it speaks as, the play, the scenes it writes to and the
	 * character who speaks.
	 */
	record Stage(Edge edge, UUID scriptId, List<UUID> scenes, UUID character) {
	}

	/**
	 * Each client writes to a play of its own, as writers do: one play's commands are
	 * serialized by design (its events keep their order), so many clients on one play
	 * would measure that, not throughput.
	 */
	static Result run(ConsumerLag lag, List<Stage> stages, Duration duration, Progress progress) throws Exception {
		int clients = stages.size();
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicLong errors = new AtomicLong();
		AtomicLong maxLag = new AtomicLong();
		long end = System.nanoTime() + duration.toNanos();
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(clients + 1)) {
			for (int c = 0; c < clients; c++) {
				int client = c;
				pool.submit(() -> {
					int n = 0;
					while (System.nanoTime() < end) {
						Stage stage = stages.get(client);
						UUID scene = stage.scenes().get(n++ % stage.scenes().size());
						UUID character = stage.character();
						long t = System.nanoTime();
						try {
							int status = stage.edge()
								.post("/scenes/" + scene + "/dialogues",
										"{\"characterId\": \"" + character + "\", \"text\": \"Line " + n + ".\"}");
							if (status != 201) {
								errors.incrementAndGet();
							}
						}
						catch (Exception ex) {
							errors.incrementAndGet();
						}
						latencies.add(System.nanoTime() - t);
					}
					return null;
				});
			}
			pool.submit(() -> {
				while (System.nanoTime() < end) {
					maxLag.accumulateAndGet(lag.total(), Math::max);
					progress.update(String.format("throughput: %d commands, lag %d", latencies.size(), maxLag.get()));
					Thread.sleep(500);
				}
				return null;
			});
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long drainStart = System.nanoTime();
		long deadline = drainStart + Duration.ofMinutes(2).toNanos();
		while (lag.total() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		double drain = (System.nanoTime() - drainStart) / 1e9;
		List<Long> all = new ArrayList<>(latencies);
		return new Result(clients, seconds, all.size(), errors.get(), all.size() / seconds, Stats.ofNanos(all),
				maxLag.get(), drain, all);
	}

}
