package io.fountain.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.fountain.local.Service;
import io.fountain.local.StackConfig;

/**
 * Which service the create-play saga waits for: posts the ×1 reference play to the stack
 * {@code ./infra/run-local} runs (start it with
 * {@code FOUNTAIN_EDGE_LIMITS_PERUSER=1000000}), and after each play is ACTIVE prints,
 * per service and topic, when the consumer transactions that applied the play's events
 * began ({@code processed_event.processed_at} is {@code now()}, a transaction's start),
 * in milliseconds after the POST, and how many there were. No profiler is attached, so
 * the system runs as measured. Each play is deleted again. Arguments: untimed plays first
 * (default 10), plays read (default 5). Run: <pre>
 * java -Dfountain.repo=$PWD -cp "infra/bench/target/bench-0.1.0-SNAPSHOT.jar:infra/bench/target/lib/*" \
 *     io.fountain.bench.SagaTimeline 10 5
 * </pre> What it showed before the import became set-based:
 * {@code docs/performance/2026-12-03-saga-timeline.md}.
 */
public class SagaTimeline {

	public static void main(String[] args) throws Exception {
		Path repo = Path.of(System.getProperty("fountain.repo", ".")).toAbsolutePath().normalize();
		StackConfig config = StackConfig.fromEnvironment(repo, false, line -> {
		});
		Target target = Target.running(config);
		Edge edge = new Edge(target.edgeUrl(), target.token());
		ReferencePlay play = ReferencePlay.feature(1);
		int warm = Integer.parseInt(args.length > 0 ? args[0] : "10");
		int runs = Integer.parseInt(args.length > 1 ? args[1] : "5");
		try (ChoreographyProbe probe = new ChoreographyProbe(target);
				ConsumerLag lag = new ConsumerLag(target.bootstrapServers())) {
			for (int i = 0; i < warm + runs; i++) {
				awaitQuiet(lag);
				Instant t0 = Instant.now();
				long start = System.nanoTime();
				UUID id = edge.postPlay(play.document());
				long posted = System.nanoTime() - start;
				probe.awaitActive(id, start + Duration.ofMinutes(2).toNanos());
				long active = System.nanoTime() - start;
				System.out.printf("run %d: POST answered %.0f ms, ACTIVE %.0f ms%n", i, posted / 1e6, active / 1e6);
				if (i >= warm) {
					for (Map.Entry<Service, String> db : target.jdbcUrls().entrySet()) {
						try (Connection c = DriverManager.getConnection(db.getValue(), target.dbUser(),
								target.dbPassword()); var st = c.prepareStatement("""
										SELECT topic, min(processed_at), max(processed_at), count(*),
										 count(DISTINCT processed_at) FROM processed_event WHERE processed_at >= ?
										GROUP BY topic ORDER BY 2""")) {
							st.setTimestamp(1, Timestamp.from(t0.minusMillis(5)));
							try (ResultSet rs = st.executeQuery()) {
								while (rs.next()) {
									System.out.printf(
											"  %-14s %-28s first tx %5d ms, last tx %5d ms, %5d events, %4d txs%n",
											db.getKey().shortName(), rs.getString(1), ms(t0, rs.getTimestamp(2)),
											ms(t0, rs.getTimestamp(3)), rs.getLong(4), rs.getLong(5));
								}
							}
						}
					}
				}
				edge.delete("/scripts/" + id, 202);
				probe.awaitGone(id, System.nanoTime() + Duration.ofMinutes(2).toNanos());
			}
		}
	}

	/** Until every consumer group has caught up (the last play's deletion included). */
	private static void awaitQuiet(ConsumerLag lag) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (lag.total() > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The consumers did not catch up within 2 minutes");
			}
			Thread.sleep(50);
		}
	}

	private static long ms(Instant t0, Timestamp t) {
		return Duration.between(t0, t.toInstant()).toMillis();
	}

}
