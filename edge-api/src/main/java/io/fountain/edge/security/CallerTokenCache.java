package io.fountain.edge.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import io.fountain.callers.Caller;
import io.fountain.callers.CallerTokens;

/**
 * The caller tokens the edge sends to the services, signed once per caller (user id and
 * roles) and reused for most of their minute, instead of one signed JWT per call to a
 * service. A token is handed out only while it has at least {@link #MIN_REMAINING} left;
 * then the caller's next request gets a new one.
 */
final class CallerTokenCache {

	/**
	 * How long a caller token is valid (ADR 11): short, because it is sent to the
	 * services as is.
	 */
	static final Duration LIFETIME = Duration.ofSeconds(60);

	/**
	 * What a token handed out has left at least: more than a request's whole way to a
	 * service (2 s to connect, 10 s to read, a retry) and the 5 s of clock skew the
	 * services allow, so that no service gets an expired one.
	 */
	static final Duration MIN_REMAINING = Duration.ofSeconds(20);

	private final CallerTokens tokens;

	private final Clock clock;

	private final int maxCallers;

	private final ConcurrentHashMap<Caller, Minted> minted = new ConcurrentHashMap<>();

	CallerTokenCache(CallerTokens tokens, Clock clock, int maxCallers) {
		this.tokens = tokens;
		this.clock = clock;
		this.maxCallers = maxCallers;
	}

	String tokenFor(Caller caller) {
		Instant now = clock.instant();
		Minted current = minted.get(caller);
		if (current != null && now.isBefore(current.renewAt())) {
			return current.token();
		}
		if (minted.size() >= maxCallers) {
			makeRoom(now);
		}
		// Dated from 'now' or later by the same clock, so it is valid at least until
		// renewAt + MIN_REMAINING.
		Minted fresh = new Minted(tokens.mint(caller, LIFETIME), now.plus(LIFETIME).minus(MIN_REMAINING));
		minted.put(caller, fresh);
		return fresh.token();
	}

	/**
	 * Bounded by the number of callers, not by time: tokens past reuse go first, all of
	 * them if that is not enough.
	 */
	private void makeRoom(Instant now) {
		minted.values().removeIf(token -> !now.isBefore(token.renewAt()));
		if (minted.size() > maxCallers * 3 / 4) {
			minted.clear(); // each caller's next request signs a new token: a cost, never
							// a wrong answer
		}
	}

	int size() {
		return minted.size();
	}

	private record Minted(String token, Instant renewAt) {
	}

}
