package io.fountain.eventing.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the outbox to Kafka, in id order, and deletes what Kafka has acknowledged.
 * <p>
 * One instance of a service publishes at a time: the one holding a session-level advisory lock on a connection it
 * keeps open. If it dies, PostgreSQL drops its session and its lock, and a standby takes over. The publisher sleeps
 * until a transaction that wrote events commits: one of this process wakes it directly ({@link #wakeUp()}, called by
 * the {@link Outbox} after the commit); one of another instance of the service sends {@code NOTIFY fountain_outbox},
 * which the publisher checks for every {@code NOTIFY_CHECK} while it waits. (A {@code NOTIFY} in every transaction
 * would be simpler, but PostgreSQL serializes the commits of all notifying transactions of the whole cluster, six
 * services' databases included, on one lock held across the commit's flush.) The idle poll is only a safety net.
 * <p>
 * A crash between publishing and deleting publishes those rows again: delivery is at least once, and consumers
 * deduplicate by event id. For the same reason the deletes are committed without waiting for their flush
 * ({@code synchronous_commit = off} on the relay's own session): a delete lost in a database crash only publishes its
 * rows once more.
 */
public class OutboxRelay implements SmartLifecycle {

	/**
	 * How often a waiting publisher looks for a NOTIFY from another instance: the longest the relay of a publishing
	 * instance sleeps on events another instance committed. (The look is a socket read with a short timeout, which
	 * the driver throws and catches: every 20 ms that was 40-50 exceptions a second per idle service, JFR.)
	 */
	private static final Duration NOTIFY_CHECK = Duration.ofMillis(100);

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final String TRY_LEAD = "SELECT pg_try_advisory_lock(hashtext('fountain.outbox.relay'), 0)";

	private static final String NEXT_BATCH = """
			SELECT id, topic, record_key, payload, event_type, traceparent FROM outbox ORDER BY id LIMIT ?""";

	private final DataSource dataSource;

	private final Producer<String, byte[]> producer;

	private final int batchSize;

	private final Duration idlePoll;

	private final Duration standbyPoll;

	private final AtomicLong published = new AtomicLong();

	private volatile boolean running;

	private volatile boolean leader;

	private volatile Thread thread;

	private volatile Connection connection;

	private final Semaphore wakeUps = new Semaphore(0);

	public OutboxRelay(DataSource dataSource, Producer<String, byte[]> producer, int batchSize, Duration idlePoll,
			Duration standbyPoll) {
		this.dataSource = dataSource;
		this.producer = producer;
		this.batchSize = batchSize;
		this.idlePoll = idlePoll;
		this.standbyPoll = standbyPoll;
	}

	/** Starts publishing (or standing by). A relay is started once: after {@link #stop()} its producer is closed. */
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
				// Abort rather than close: the relay thread may be blocked in a query or a wait on this connection.
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
	 * Whether events written by this process are published by this process: then a commit wakes the relay directly,
	 * and needs no {@code NOTIFY}.
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
					if (publishBatch(conn) < batchSize) {
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

	private int publishBatch(Connection conn) throws Exception {
		List<Long> ids = new ArrayList<>(batchSize);
		List<Future<RecordMetadata>> acks = new ArrayList<>(batchSize);
		try (PreparedStatement select = conn.prepareStatement(NEXT_BATCH)) {
			select.setInt(1, batchSize);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					ids.add(rows.getLong("id"));
					ProducerRecord<String, byte[]> record = new ProducerRecord<>(rows.getString("topic"),
							rows.getString("record_key"), rows.getBytes("payload"));
					record.headers().add("event-type", rows.getString("event_type").getBytes(StandardCharsets.UTF_8));
					String traceparent = rows.getString("traceparent");
					if (traceparent != null) {
						record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
					}
					acks.add(producer.send(record));
				}
			}
		}
		if (ids.isEmpty()) {
			return 0;
		}
		for (Future<RecordMetadata> ack : acks) {
			ack.get(2, TimeUnit.MINUTES);
		}
		try (PreparedStatement delete = conn.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)")) {
			delete.setArray(1, conn.createArrayOf("bigint", ids.toArray()));
			delete.executeUpdate();
		}
		published.addAndGet(ids.size());
		return ids.size();
	}

	/**
	 * Returns when this process commits events, at the first NOTIFY from another instance (including one that arrived
	 * while we were publishing), or after the idle poll.
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

	@Override
	public int getPhase() {
		// Stop after the listeners and the web server (which stop at higher phases), so their last events go out.
		return Integer.MAX_VALUE - 2048;
	}
}
