package io.fountain.edge.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import io.fountain.testing.TestDatabase;

/**
 * The buckets two edges share, on the edge's real schema in PostgreSQL: each
 * {@link SharedBuckets} here is one edge (its own copies in memory), and every
 * transaction on the rows is counted. A bucket of 100 a day refills one token in 14
 * minutes: nothing refills while a test runs.
 */
class SharedBucketsIntegrationTests {

	/**
	 * Decided in memory while more than 24 are left, 4 tokens at most between writes,
	 * never for lack of time.
	 */
	private static final LimitSettings.InMemory SETTINGS = new LimitSettings.InMemory(24, 4, Duration.ofHours(1), 100);

	private static TestDatabase test;

	private static HikariDataSource pool;

	private static CountingDataSource database;

	@BeforeAll
	static void createSchema() {
		test = TestDatabase.create("edge_buckets");
		pool = new HikariDataSource();
		pool.setJdbcUrl(test.url());
		pool.setUsername(test.user());
		pool.setPassword(test.password());
		pool.setMaximumPoolSize(8);
		Flyway.configure().dataSource(pool).load().migrate();
		database = new CountingDataSource(pool);
	}

	/**
	 * Dropped here too: TestDatabase drops it when a Spring application shuts down, and
	 * none may run in this JVM.
	 */
	@AfterAll
	static void dropDatabase() throws SQLException {
		pool.close();
		String server = test.url().substring(0, test.url().length() - test.name().length());
		try (Connection connection = DriverManager.getConnection(server + "postgres", test.user(), test.password());
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + test.name() + " WITH (FORCE)");
		}
	}

	private String key;

	@BeforeEach
	void newKey() {
		key = "user:" + UUID.randomUUID();
	}

	private static BucketConfiguration perDay(long capacity) {
		return BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, Duration.ofDays(1)).build())
			.build();
	}

	@Test
	void aBucketWithPlentyLeftIsDecidedInMemoryMostOfTheTime() {
		SharedBuckets edge = new SharedBuckets(database, SETTINGS);
		BucketConfiguration bucket = perDay(1000);
		int before = database.transactions();

		for (int i = 0; i < 200; i++) {
			assertThat(edge.take(key, bucket).isConsumed()).isTrue();
		}

		int transactions = database.transactions() - before;
		assertThat(transactions)
			.as("one write per 5 tokens (4 in memory, the fifth on the row), and the bucket's creation")
			.isBetween(200 / 5, 200 / 5 + 3);
		assertThat(edge.availableOnTheRow(key, bucket)).as("what the other edges see: all but the unwritten 4 at most")
			.isBetween(800L, 804L);
	}

	@Test
	void aBucketNoLargerThanTheHeadroomIsDecidedOnTheRowEveryTime() {
		SharedBuckets edge = new SharedBuckets(database, SETTINGS);
		BucketConfiguration bucket = perDay(20);
		int before = database.transactions();

		for (int i = 0; i < 10; i++) {
			edge.take(key, bucket);
		}

		assertThat(database.transactions() - before).isGreaterThanOrEqualTo(10);
		assertThat(edge.availableOnTheRow(key, bucket)).isEqualTo(10);
	}

	@Test
	void twoEdgesShareASmallBucketExactly() {
		SharedBuckets first = new SharedBuckets(database, SETTINGS);
		SharedBuckets second = new SharedBuckets(database, SETTINGS);
		BucketConfiguration bucket = perDay(8);

		for (int i = 0; i < 4; i++) {
			assertThat(first.take(key, bucket).isConsumed()).isTrue();
			assertThat(second.take(key, bucket).isConsumed()).isTrue();
		}

		assertThat(first.take(key, bucket).isConsumed()).isFalse();
		assertThat(second.take(key, bucket).isConsumed()).isFalse();
	}

	/**
	 * Requests that take turns between two edges (none overlapping another) drain a large
	 * bucket exactly: by the time it is down to the headroom, each edge has written what
	 * it took and decides on the row.
	 */
	@Test
	void twoEdgesTakingTurnsDrainALargeBucketExactly() {
		SharedBuckets first = new SharedBuckets(database, SETTINGS);
		SharedBuckets second = new SharedBuckets(database, SETTINGS);
		BucketConfiguration bucket = perDay(100);

		int admitted = 0;
		for (int i = 0; i < 80; i++) {
			admitted += first.take(key, bucket).isConsumed() ? 1 : 0;
			admitted += second.take(key, bucket).isConsumed() ? 1 : 0;
		}

		assertThat(admitted).isEqualTo(100);
		ConsumptionProbe refused = first.take(key, bucket);
		assertThat(refused.isConsumed()).isFalse();
		assertThat(refused.getNanosToWaitForRefill()).as("a token in 14 minutes")
			.isGreaterThan(TimeUnit.MINUTES.toNanos(10));
	}

	/**
	 * The tolerance: requests at once at two edges may pass a bucket's capacity by what
	 * each edge can take in memory unseen by the other (4 here,
	 * {@code fountain.edge.limits.in-memory.tokens}), never by more, and never fall
	 * short.
	 */
	@Test
	void twoEdgesDrainingABucketAtOnceLetThroughAtMostTheTolerance() throws Exception {
		List<SharedBuckets> edges = List.of(new SharedBuckets(database, SETTINGS),
				new SharedBuckets(database, SETTINGS));
		BucketConfiguration bucket = perDay(100);
		AtomicInteger admitted = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(6);
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int thread = 0; thread < 6; thread++) {
				SharedBuckets edge = edges.get(thread % 2);
				work.add(threads.submit(() -> {
					start.await();
					for (int i = 0; i < 40; i++) {
						if (edge.take(key, bucket).isConsumed()) {
							admitted.incrementAndGet();
						}
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> done : work) {
				done.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(admitted.get()).isBetween(100, 100 + 2 * 4);
	}

	@Test
	void anEdgeThatGetsNoMoreRequestsStillWritesWhatItTook() {
		LimitSettings.InMemory briefly = new LimitSettings.InMemory(24, 100, Duration.ofMillis(300), 100);
		SharedBuckets edge = new SharedBuckets(database, briefly);
		BucketConfiguration bucket = perDay(1000);
		for (int i = 0; i < 6; i++) {
			edge.take(key, bucket); // the first reads the row, the others are taken in
									// memory
		}

		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			edge.writeIdleCopies();
			assertThat(edge.availableOnTheRow(key, bucket)).isEqualTo(994);
		});
	}

	@Test
	void anEdgeKeepsCopiesOfNoMoreBucketsThanItsBound() {
		SharedBuckets edge = new SharedBuckets(database, new LimitSettings.InMemory(24, 4, Duration.ofHours(1), 3));
		for (int i = 0; i < 10; i++) {
			edge.take(key + ":" + i, perDay(1000));
		}

		assertThat(edge.copies()).isEqualTo(3);
	}

	/**
	 * The edge's pool, counting every transaction Bucket4j opens (one connection each).
	 */
	private static final class CountingDataSource extends DelegatingDataSource {

		private final AtomicInteger connections = new AtomicInteger();

		CountingDataSource(HikariDataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			connections.incrementAndGet();
			return super.getConnection();
		}

		int transactions() {
			return connections.get();
		}

	}

}
