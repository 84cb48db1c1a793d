package io.fountain.eventing.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the outbox to Kafka, in id order, and deletes what Kafka has acknowledged.
 * <p>
 * One instance of a service publishes at a time: the one holding a session-level advisory
 * lock on a connection it keeps open. If it dies, PostgreSQL drops its session and its
 * lock, and a standby takes over. The publisher sleeps until a transaction that wrote
 * events commits: one of this process wakes it directly ({@link #wakeUp()}, called by the
 * {@link Outbox} after the commit); one of another instance of the service sends
 * {@code NOTIFY fountain_outbox}, which the publisher checks for every
 * {@code NOTIFY_CHECK} while it waits. (A {@code NOTIFY} in every transaction would be
 * simpler, but PostgreSQL serializes the commits of all notifying transactions of the
 * whole cluster, six services' databases included, on one lock held across the commit's
 * flush.) The idle poll is only a safety net.
 * <p>
 * A crash between publishing and deleting publishes those rows again: delivery is at
 * least once, and consumers deduplicate by event id. For the same reason the deletes are
 * committed without waiting for their flush ({@code synchronous_commit = off} on the
 * relay's own session): a delete lost in a database crash only publishes its rows once
 * more.
 * <p>
 * Several batches are in flight at once: the relay reads and sends the next rows while
 * Kafka acknowledges the previous ones, and deletes each batch once all of it is
 * acknowledged. Order per key is the producer's: it is idempotent, which keeps up to five
 * requests per partition in flight in order (the same guarantee a single batch of many
 * records already relied on). The rows in flight are left out of the next read by id, not
 * by "after the last id sent": ids come from a sequence, and a transaction that took a
 * lower id can commit after a higher one was read. A failed send starts the relay over
 * from what is still in the outbox, so a batch behind a failed one is published again
 * rather than lost.
 */
public class OutboxRelay implements SmartLifecycle {

	/**
	 * How often a waiting publisher looks for a NOTIFY from another instance: the longest
	 * the relay of a publishing instance sleeps on events another instance committed.
	 * (The look is a socket read with a short timeout, which the driver throws and
	 * catches: every 20 ms that was 40-50 exceptions a second per idle service, JFR.)
	 */
	private static final Duration NOTIFY_CHECK = Duration.ofMillis(100);

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final String TRY_LEAD = "SELECT pg_try_advisory_lock(hashtext('fountain.outbox.relay'), 0)";

	private static final String NEXT_BATCH = """
			SELECT id, topic, record_key, payload, event_type, traceparent FROM outbox
			WHERE id <> ALL (?) ORDER BY id LIMIT ?""";

	private final DataSource dataSource;

	private final Producer<String, byte[]> producer;

	private final int batchSize;

	private final int batchesInFlight;

	/**
	 * Batches sent and not yet deleted, oldest first. Only the relay's thread touches it.
	 */
	private final Deque<Batch> inFlight = new ArrayDeque<>();

	private final Duration idlePoll;

	private final Duration standbyPoll;

	private final AtomicLong published = new AtomicLong();

	private volatile boolean running;

	private volatile boolean leader;

	private volatile Thread thread;

	private volatile Connection connection;

	private final Semaphore wakeUps = new Semaphore(0);

	public OutboxRelay(DataSource dataSource, Producer<String, byte[]> producer, int batchSize, int batchesInFlight,
			Duration idlePoll, Duration standbyPoll) {
		this.dataSource = dataSource;
		this.producer = producer;
		this.batchSize = batchSize;
		this.batchesInFlight = Math.max(1, batchesInFlight);
		this.idlePoll = idlePoll;
		this.standbyPoll = standbyPoll;
	}

	/**
	 * Starts publishing (or standing by). A relay is started once: after {@link #stop()}
	 * its producer is closed.
	 */
	@Override
	public synchronized void start() {
		if (running) {
			return;
		}
		running = true;
		thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
	}

	@Override
	public synchronized void stop() {
		running = false;
		Thread current = thread;
		Connection held = connection;
		if (held != null) {
			try {
				// Abort rather than close: the relay thread may be blocked in a query or
				// a wait on this connection.
				held.abort(Runnable::run);
			}
			catch (SQLException ex) {
				log.debug("Aborting the relay's connection failed", ex);
			}
		}
		if (current != null) {
			current.interrupt();
			try {
				current.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		leader = false;
		producer.close(Duration.ofSeconds(5));
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Whether this instance is the one publishing its database's outbox. */
	public boolean isLeader() {
		return leader;
	}

	/**
	 * Whether events written by this process are published by this process: then a commit
	 * wakes the relay directly, and needs no {@code NOTIFY}.
	 */
	public boolean publishesHere() {
		return running && leader;
	}

	/** A transaction of this process committed events: publish them now. */
	public void wakeUp() {
		if (wakeUps.availablePermits() == 0) {
			wakeUps.release();
		}
	}

	/** Events this instance has published since it started. */
	public long published() {
		return published.get();
	}

	private void run() {
		while (running) {
			try (Connection conn = dataSource.getConnection()) {
				connection = conn;
				conn.setAutoCommit(true);
				try (Statement listen = conn.createStatement()) {
					listen.execute("LISTEN fountain_outbox");
					listen.execute("SET synchronous_commit = off");
				}
				PGConnection notifications = conn.unwrap(PGConnection.class);
				while (running) {
					if (!leader) {
						leader = tryToLead(conn);
						if (!leader) {
							notifications.getNotifications((int) Math.max(1, standbyPoll.toMillis()));
							continue;
						}
						log.info("This instance now publishes the outbox");
					}
					int sent = sendNextBatch(conn);
					deleteAcknowledged(conn, inFlight.size() >= batchesInFlight);
					if (sent < batchSize) {
						// Caught up with what is committed: sleep until a commit, a
						// NOTIFY or an acknowledgement.
						awaitWakeUp(notifications);
					}
				}
			}
			catch (Exception ex) {
				leader = false;
				if (running) {
					log.warn("Outbox relay failed; it starts over in 1 s (unpublished events stay in the outbox): {}",
							ex.toString());
					pause(Duration.ofSeconds(1));
				}
			}
			finally {
				// Whatever was in flight is still in the outbox: the next leader (perhaps
				// this one) sends it again.
				inFlight.clear();
				connection = null;
				leader = false;
			}
		}
	}

	private boolean tryToLead(Connection conn) throws SQLException {
		try (Statement statement = conn.createStatement(); ResultSet result = statement.executeQuery(TRY_LEAD)) {
			return result.next() && result.getBoolean(1);
		}
	}

	/** Reads the oldest rows not already in flight and sends them; returns how many. */
	private int sendNextBatch(Connection conn) throws SQLException {
		List<ProducerRecord<String, byte[]>> records = new ArrayList<>(batchSize);
		long[] ids;
		try (PreparedStatement select = conn.prepareStatement(NEXT_BATCH)) {
			select.setArray(1, conn.createArrayOf("bigint", idsInFlight()));
			select.setInt(2, batchSize);
			List<Long> read = new ArrayList<>(batchSize);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					read.add(rows.getLong("id"));
					ProducerRecord<String, byte[]> record = new ProducerRecord<>(rows.getString("topic"),
							rows.getString("record_key"), rows.getBytes("payload"));
					record.headers().add("event-type", rows.getString("event_type").getBytes(StandardCharsets.UTF_8));
					String traceparent = rows.getString("traceparent");
					if (traceparent != null) {
						record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
					}
					records.add(record);
				}
			}
			ids = read.stream().mapToLong(Long::longValue).toArray();
		}
		if (ids.length == 0) {
			return 0;
		}
		Batch batch = new Batch(ids, new AtomicInteger(ids.length), new AtomicReference<>());
		inFlight.addLast(batch);
		for (ProducerRecord<String, byte[]> record : records) {
			producer.send(record, (metadata, failure) -> {
				if (failure != null) {
					batch.failure().compareAndSet(null, failure);
				}
				if (batch.unacknowledged().decrementAndGet() == 0 || failure != null) {
					wakeUp();
				}
			});
		}
		return ids.length;
	}

	/**
	 * Deletes the batches Kafka has acknowledged whole, in one statement. With
	 * {@code waitForOldest}, first waits for the oldest batch (the relay has as many in
	 * flight as it may). A failed send ends the relay's round: it starts over from the
	 * outbox.
	 */
	private void deleteAcknowledged(Connection conn, boolean waitForOldest) throws Exception {
		if (waitForOldest) {
			Batch oldest = inFlight.getFirst();
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
			while (!oldest.done() && oldest.failure().get() == null) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Kafka did not acknowledge a batch of the outbox in 2 minutes");
				}
				wakeUps.tryAcquire(NOTIFY_CHECK.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		List<Long> acknowledged = new ArrayList<>();
		for (Iterator<Batch> batches = inFlight.iterator(); batches.hasNext();) {
			Batch batch = batches.next();
			Exception failure = batch.failure().get();
			if (failure != null) {
				throw failure;
			}
			if (batch.done()) {
				for (long id : batch.ids()) {
					acknowledged.add(id);
				}
				batches.remove();
			}
		}
		if (acknowledged.isEmpty()) {
			return;
		}
		try (PreparedStatement delete = conn.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)")) {
			delete.setArray(1, conn.createArrayOf("bigint", acknowledged.toArray()));
			delete.executeUpdate();
		}
		published.addAndGet(acknowledged.size());
	}

	private Long[] idsInFlight() {
		return inFlight.stream().flatMapToLong(batch -> Arrays.stream(batch.ids())).boxed().toArray(Long[]::new);
	}

	/**
	 * Returns when this process commits events, at the first NOTIFY from another instance
	 * (including one that arrived while we were publishing), or after the idle poll.
	 */
	private void awaitWakeUp(PGConnection notifications) throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + idlePoll.toNanos();
		while (running) {
			PGNotification[] arrived = notifications.getNotifications();
			if (arrived != null && arrived.length > 0) {
				return;
			}
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return;
			}
			if (wakeUps.tryAcquire(Math.min(left, NOTIFY_CHECK.toNanos()), TimeUnit.NANOSECONDS)) {
				wakeUps.drainPermits();
				return;
			}
		}
	}

	private void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}

	/** Rows sent together; deleted when Kafka has acknowledged every one of them. */
	private record Batch(long[] ids, AtomicInteger unacknowledged, AtomicReference<Exception> failure) {

		boolean done() {
			return unacknowledged.get() == 0;
		}
	}

	@Override
	public int getPhase() {
		// Stop after the listeners and the web server (which stop at higher phases), so
		// their last events go out.
		return Integer.MAX_VALUE - 2048;
	}

}
