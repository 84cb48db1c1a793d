package io.fountain.eventing;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Who and what a state change belongs to, carried into every event it produces: the
 * correlation id of the command or cascade, the id of the event that caused it (none for
 * a client command) and the acting user.
 * <p>
 * Bound to the current thread by the HTTP filter for a client command and by the
 * {@code IdempotentConsumer} for an incoming event, so that application services and the
 * domain never pass it around.
 */
public record EventContext(String correlationId, String causationId, String actor) {

	/** The actor of work nobody asked for directly, such as reconciliation. */
	public static final String SYSTEM = "system";

	private static final ThreadLocal<EventContext> CURRENT = new ThreadLocal<>();

	public EventContext {
		if (correlationId == null || correlationId.isBlank()) {
			throw new IllegalArgumentException("correlationId is required");
		}
		if (actor == null || actor.isBlank()) {
			throw new IllegalArgumentException("actor is required");
		}
	}

	public static EventContext command(String correlationId, String actor) {
		return new EventContext(correlationId, null, actor);
	}

	/**
	 * The work an incoming event causes: its correlation and actor go on, and the event
	 * is the cause.
	 */
	public static EventContext causedBy(Object correlationId, Object eventId, Object actor) {
		return new EventContext(String.valueOf(correlationId), String.valueOf(eventId), String.valueOf(actor));
	}

	/**
	 * Work started by the system itself (a scheduled check): a fresh correlation id,
	 * actor {@value #SYSTEM}.
	 */
	public static EventContext system() {
		return new EventContext(UUID.randomUUID().toString(), null, SYSTEM);
	}

	/** The context bound to this thread, or a fresh system context when none is. */
	public static EventContext current() {
		EventContext context = CURRENT.get();
		return context != null ? context : system();
	}

	/** Binds the context to this thread until the returned scope is closed. */
	public static Scope bind(EventContext context) {
		EventContext previous = CURRENT.get();
		CURRENT.set(context);
		return () -> {
			if (previous == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(previous);
			}
		};
	}

	public static <T> T callWith(EventContext context, Supplier<T> work) {
		try (Scope scope = bind(context)) {
			return work.get();
		}
	}

	public static void runWith(EventContext context, Runnable work) {
		try (Scope scope = bind(context)) {
			work.run();
		}
	}

	/**
	 * The binding of a context to a thread; closing it restores what was bound before.
	 */
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}
}
