package io.fountain.edge.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.OptimizationListener;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

/**
 * Token buckets kept as rows of the edge's database, so that every edge draws from the
 * same ones, without a row lock per request where that cannot change an answer.
 *
 * <p>
 * Deciding every request on the row (SELECT ... FOR UPDATE, UPDATE, COMMIT) queues one
 * user's requests on that row's lock, held across a disk flush. So a bucket with plenty
 * of tokens left is decided in memory (Bucket4j's delaying optimisation): an edge takes
 * tokens from its own copy and writes them to the row, reading back what the other edges
 * took, every {@code tokens} tokens or {@code interval}, whichever comes first. Once an
 * edge sees a bucket at {@code headroom} tokens or fewer, it writes what it took and
 * decides each request on the row until the bucket could have refilled past the headroom;
 * a bucket no larger than the headroom is always decided on the row. So a 429 near the
 * bottom of a bucket is the database's answer.
 *
 * <p>
 * The tolerance: the other edges may still hold tokens they took in memory and have not
 * written (at most {@code tokens} each, for at most {@code interval} while they keep
 * getting that caller's requests, and about a second when they stop). So while a bucket
 * drains, each edge lets through at most {@code tokens} requests more than its capacity;
 * the row records them when they are written, and the next refills pay them back first.
 * Buckets of the daily quota are always decided on the row.
 */
final class SharedBuckets {

	private static final long AN_HOUR = Duration.ofHours(1).toNanos();

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> rows;

	private final LimitSettings.InMemory settings;

	/**
	 * The buckets this edge has a copy of, least recently used first. Guarded by itself.
	 */
	private final LinkedHashMap<String, Shared> copies = new LinkedHashMap<>(256, 0.75f, true);

	SharedBuckets(DataSource dataSource, LimitSettings.InMemory settings) {
		this.settings = settings;
		this.rows = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_bucket")
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
	}

	/**
	 * Takes a token from the bucket: in memory while it has plenty, on the row near its
	 * bottom.
	 */
	ConsumptionProbe take(String key, BucketConfiguration configuration) {
		return copyOf(key, configuration).take();
	}

	/**
	 * Takes a token on the row itself: for a quota, where exactness matters more than a
	 * few milliseconds.
	 */
	ConsumptionProbe takeOnTheRow(String key, BucketConfiguration configuration) {
		return rows.getProxy(key, () -> configuration).tryConsumeAndReturnRemaining(1);
	}

	/** Gives a token back, on the row itself. */
	void giveBack(String key, BucketConfiguration configuration) {
		rows.getProxy(key, () -> configuration).addTokens(1);
	}

	/**
	 * Writes the tokens taken in memory from buckets that have had no request for a
	 * while: an edge that stops getting a caller's requests would otherwise keep them
	 * from the other edges until that caller's next request.
	 */
	void writeIdleCopies() {
		List<Shared> snapshot;
		synchronized (copies) {
			snapshot = new ArrayList<>(copies.values());
		}
		long now = System.nanoTime();
		for (Shared copy : snapshot) {
			if (!copy.writeIfIdle(now)) {
				return; // the database is away: the next round tries again, without a
						// wait for each bucket now
			}
		}
	}

	/**
	 * What the row itself says is left (one transaction on it): how the other edges see
	 * the bucket.
	 */
	long availableOnTheRow(String key, BucketConfiguration configuration) {
		return rows.getProxy(key, () -> configuration).getAvailableTokens();
	}

	int removeExpired(int batch) {
		return rows.removeExpired(batch);
	}

	/** How many buckets this edge keeps a copy of. */
	int copies() {
		synchronized (copies) {
			return copies.size();
		}
	}

	private Shared copyOf(String key, BucketConfiguration configuration) {
		Shared copy;
		Shared evicted = null;
		synchronized (copies) {
			copy = copies.get(key);
			if (copy == null) {
				copy = new Shared(key, configuration);
				copies.put(key, copy);
				if (copies.size() > settings.buckets()) {
					Iterator<Shared> eldest = copies.values().iterator();
					evicted = eldest.next();
					eldest.remove();
				}
			}
		}
		if (evicted != null) {
			evicted.write(); // outside the lock: a round trip to the database
		}
		return copy;
	}

	/**
	 * One bucket as this edge sees it: its row, and (for a bucket larger than the
	 * headroom) a copy in memory.
	 */
	private final class Shared {

		private final BucketProxy row;

		private final BucketProxy inMemory;

		private final Unwritten unwritten = new Unwritten();

		private final long nanosPerToken;

		/**
		 * {@link System#nanoTime()} until which the bucket cannot have more than the
		 * headroom: decided on the row.
		 */
		private volatile long onTheRowUntil = System.nanoTime();

		/**
		 * Requests were decided on the row since the copy last read it: the copy counts
		 * too many tokens.
		 */
		private volatile boolean copyBehind;

		private volatile long lastTakenInMemory;

		Shared(String key, BucketConfiguration configuration) {
			this.row = rows.getProxy(key, () -> configuration);
			Bandwidth bandwidth = configuration.getBandwidths()[0];
			this.nanosPerToken = Math.max(1, bandwidth.getRefillPeriodNanos() / bandwidth.getRefillTokens());
			this.inMemory = bandwidth.getCapacity() <= settings.headroom() ? null : rows.builder()
				.withOptimization(Optimizations.delaying(new DelayParameters(settings.tokens(), settings.interval()))
					.withListener(unwritten))
				.build(key, () -> configuration);
		}

		ConsumptionProbe take() {
			if (inMemory == null) {
				return row.tryConsumeAndReturnRemaining(1);
			}
			long now = System.nanoTime();
			if (now - onTheRowUntil < 0) {
				copyBehind = true;
				ConsumptionProbe probe = row.tryConsumeAndReturnRemaining(1);
				onTheRowUntil = now + nanosToRefillPastHeadroom(probe.getRemainingTokens());
				return probe;
			}
			ConsumptionProbe probe;
			try {
				if (copyBehind) {
					inMemory.getOptimizationController().syncImmediately();
					copyBehind = false;
				}
				probe = inMemory.tryConsumeAndReturnRemaining(1);
			}
			catch (RuntimeException ex) {
				if (!rowMissing(ex)) {
					throw ex;
				}
				// Bucket4j's batching cannot create a missing row (a new bucket, or one
				// expired) for requests merged
				// into one batch, and fails them all: such a request is decided on the
				// row, which creates it.
				copyBehind = true;
				return row.tryConsumeAndReturnRemaining(1);
			}
			lastTakenInMemory = now;
			if (probe.getRemainingTokens() <= settings.headroom()) {
				// Near the bottom: write what this edge took, so that the row is right
				// for every edge's next answer.
				inMemory.getOptimizationController().syncImmediately();
				onTheRowUntil = now + nanosToRefillPastHeadroom(probe.getRemainingTokens());
			}
			return probe;
		}

		/**
		 * How long until a bucket with {@code remaining} tokens (or fewer) could hold
		 * more than the headroom; an hour at most, after which the copy reads the row
		 * again anyway.
		 */
		private long nanosToRefillPastHeadroom(long remaining) {
			long tokens = Math.max(0, settings.headroom() + 1 - remaining);
			return tokens >= AN_HOUR / nanosPerToken ? AN_HOUR : tokens * nanosPerToken;
		}

		private static boolean rowMissing(Throwable ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof BucketNotFoundException) {
					return true;
				}
			}
			return false;
		}

		/**
		 * Writes if no request took from the copy for an interval; false if the database
		 * did not answer.
		 */
		boolean writeIfIdle(long now) {
			return now - lastTakenInMemory <= settings.interval().toNanos() || write();
		}

		/**
		 * Writes what this edge took in memory and has not written yet; false if the
		 * database did not answer.
		 */
		boolean write() {
			if (inMemory == null || !unwritten.any) {
				return true;
			}
			unwritten.any = false;
			try {
				inMemory.getOptimizationController().syncImmediately();
				return true;
			}
			catch (RuntimeException unavailable) {
				unwritten.any = true; // written on a later round
				return false;
			}
		}

	}

	/** Whether a copy decided anything in memory since it was last written on purpose. */
	private static final class Unwritten implements OptimizationListener {

		private volatile boolean any;

		@Override
		public void incrementSkipCount(int count) {
			any = true;
		}

		@Override
		public void incrementMergeCount(int count) {
		}

	}

}
