package io.fountain.callers;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who a request acts for: a user (as the edge authenticated them) with their roles, or
 * the system itself (one service reading from another). Bound to the request's thread by
 * the service's filter.
 */
public record Caller(String userId, Set<String> roles) {

	/** The user id of the system; the edge refuses user tokens that claim it. */
	public static final String SYSTEM = "system";

	/**
	 * The role only the services' own calls carry (never a user's): it reads any play.
	 */
	public static final String SYSTEM_ROLE = "system";

	/**
	 * What a user id may look like: what fits in a header, a log line and a database
	 * column without escaping.
	 */
	public static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._:@|+-]{1,128}");

	private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

	public Caller {
		if (userId == null || !USER_ID.matcher(userId).matches()) {
			throw new IllegalArgumentException("not a user id: " + userId);
		}
		roles = Set.copyOf(roles);
	}

	public static Caller user(String userId, Set<String> roles) {
		return new Caller(userId, roles);
	}

	public static Caller system() {
		return new Caller(SYSTEM, Set.of(SYSTEM_ROLE));
	}

	public boolean isSystem() {
		return roles.contains(SYSTEM_ROLE);
	}

	/** The caller bound to this thread, if any. */
	public static Optional<Caller> current() {
		return Optional.ofNullable(CURRENT.get());
	}

	/** Binds the caller to this thread until the returned scope is closed. */
	public static Scope bind(Caller caller) {
		Caller previous = CURRENT.get();
		CURRENT.set(caller);
		return () -> {
			if (previous == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(previous);
			}
		};
	}

	/** The binding of a caller to a thread; closing it restores what was bound before. */
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}
}
