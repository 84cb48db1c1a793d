package io.fountain.eventing;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Work a service does by itself at a fixed delay, on a thread of its own that lives as
 * long as the application runs (reconciliation, forgetting). A failed pass is logged and
 * the next one runs as planned. A zero interval turns it off (tests call the work
 * themselves).
 */
public final class Periodically implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Periodically.class);

	private final String name;

	private final Duration interval;

	private final Runnable work;

	private ScheduledExecutorService scheduler;

	/**
	 * @param name the thread's name, and what the log calls the work
	 */
	public Periodically(String name, Duration interval, Runnable work) {
		this.name = name;
		this.interval = interval;
		this.work = work;
	}

	@Override
	public synchronized void start() {
		if (interval.isZero()) {
			return;
		}
		scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).daemon().factory());
		scheduler.scheduleWithFixedDelay(() -> {
			try {
				work.run();
			}
			catch (RuntimeException ex) {
				log.warn("{} failed; the next pass runs in {}: {}", name, interval, ex.toString());
			}
		}, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (scheduler != null) {
			scheduler.shutdownNow();
			scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return scheduler != null;
	}

}
