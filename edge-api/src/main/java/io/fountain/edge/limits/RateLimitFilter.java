package io.fountain.edge.limits;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.fountain.edge.security.EdgeCaller;

/**
 * Token buckets in the edge's database (Bucket4j, PostgreSQL), so that every instance of
 * the edge draws from the same ones; decided in memory while a bucket has plenty of
 * tokens left ({@link SharedBuckets}). Two filters: one before authentication for calls
 * without a token (by client address, stricter), one after it per user, which also keeps
 * the daily quota of new scripts. Over a limit: 429 problem+json with {@code Retry-After}
 * in seconds. The buckets' database away: the request goes on (a limit must not take the
 * API down), and it is logged.
 */
@Component
public class RateLimitFilter implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

	private final SharedBuckets buckets;

	private final LimitSettings settings;

	private final DataSource bucketRows;

	private final BucketConfiguration perUser;

	private final BucketConfiguration perAddress;

	private final BucketConfiguration scripts;

	RateLimitFilter(DataSource dataSource, LimitSettings settings) {
		this.settings = settings;
		this.bucketRows = bucketRows(dataSource);
		this.buckets = new SharedBuckets(bucketRows, settings.inMemory());
		this.perUser = greedy(settings.perUser(), settings.perUserPeriod());
		this.perAddress = greedy(settings.perAddress(), settings.perAddressPeriod());
		this.scripts = BucketConfiguration.builder()
			.addLimit(Bandwidth.builder()
				.capacity(settings.scriptsPerDay())
				.refillIntervally(settings.scriptsPerDay(), Duration.ofDays(1))
				.build())
			.build();
	}

	/**
	 * The buckets' rows get a small pool of their own whose sessions commit without
	 * waiting for the flush: a bucket's write lost in a crash of the database lets a
	 * caller a few more requests, and every edge writing its users' buckets no longer
	 * queues with the services' commits for the disk. (The idempotency keys, in the same
	 * database, keep waiting: losing one could repeat a command.)
	 */
	private static DataSource bucketRows(DataSource dataSource) {
		if (!(dataSource instanceof HikariDataSource shared)) {
			return dataSource;
		}
		HikariConfig config = new HikariConfig();
		shared.copyStateTo(config);
		config.setPoolName("rate-buckets");
		config.setMaximumPoolSize(3);
		config.setMinimumIdle(1);
		config.setConnectionInitSql("SET synchronous_commit = off");
		return new HikariDataSource(config);
	}

	@Override
	public void destroy() {
		if (bucketRows instanceof HikariDataSource own && "rate-buckets".equals(own.getPoolName())) {
			own.close();
		}
	}

	private static BucketConfiguration greedy(long capacity, Duration period) {
		return BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
			.build();
	}

	/**
	 * For requests without a bearer token (health, the API document, and those about to
	 * get a 401).
	 */
	public OncePerRequestFilter forAddresses() {
		return filter(request -> request.getHeader("Authorization") != null ? null
				: new Limit("address:" + request.getRemoteAddr(), perAddress,
						"Too many requests from this address without a token", false));
	}

	/** For authenticated requests: the user's bucket. */
	public OncePerRequestFilter forUsers() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				String user = EdgeCaller.currentUserId();
				if (user == null || !settings.enabled()) {
					chain.doFilter(request, response);
					return;
				}
				if (refused(response, new Limit("user:" + user, perUser, "Too many requests for this user", false))) {
					return;
				}
				// On the row, never in memory: a quota is a promise per day, where a few
				// tokens taken unseen by the
				// other edges would be a few scripts too many, and creations are too rare
				// for the row lock to matter.
				Limit quota = new Limit("scripts:" + user, scripts,
						"The quota of " + settings.scriptsPerDay() + " new scripts a day is used up", true);
				boolean creates = createsAScript(request);
				if (creates && refused(response, quota)) {
					return;
				}
				chain.doFilter(request, response);
				if (creates && response.getStatus() >= 400) {
					giveBack(quota); // nothing was created: a refused or failed creation
										// does not use the quota
				}
			}
		};
	}

	private OncePerRequestFilter filter(Function<HttpServletRequest, Limit> limitOf) {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Limit limit = settings.enabled() ? limitOf.apply(request) : null;
				if (limit == null || !refused(response, limit)) {
					chain.doFilter(request, response);
				}
			}
		};
	}

	private boolean refused(HttpServletResponse response, Limit limit) throws IOException {
		ConsumptionProbe probe;
		try {
			probe = limit.onTheRow() ? buckets.takeOnTheRow(limit.key(), limit.configuration())
					: buckets.take(limit.key(), limit.configuration());
		}
		catch (RuntimeException unavailable) {
			log.warn("Rate limits not checked (their database did not answer): {}", unavailable.getMessage());
			return false;
		}
		if (probe.isConsumed()) {
			response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
			return false;
		}
		long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
		response.setHeader("Retry-After", Long.toString(seconds));
		response.setStatus(429);
		response.setContentType("application/problem+json");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Too many requests\",\"status\":429," + "\"detail\":\""
					+ limit.message() + "; try again in " + seconds + " s\",\"retryAfterSeconds\":" + seconds + "}");
		return true;
	}

	private void giveBack(Limit limit) {
		try {
			buckets.giveBack(limit.key(), limit.configuration());
		}
		catch (RuntimeException unavailable) {
			log.warn("A quota token could not be given back: {}", unavailable.getMessage());
		}
	}

	private static boolean createsAScript(HttpServletRequest request) {
		String path = request.getRequestURI();
		return "POST".equals(request.getMethod()) && (path.equals("/scripts") || path.equals("/plays"));
	}

	/**
	 * Tokens an edge took in memory reach the other edges within about a second, even if
	 * no request follows.
	 */
	@Scheduled(fixedDelayString = "PT1S")
	void writeIdleBuckets() {
		try {
			buckets.writeIdleCopies();
		}
		catch (RuntimeException ex) {
			log.debug("Rate-limit buckets not written now: {}", ex.getMessage());
		}
	}

	/** Rows of callers idle long enough for their bucket to be full again are dropped. */
	@Scheduled(fixedDelayString = "PT5M")
	void removeExpiredBuckets() {
		try {
			buckets.removeExpired(1000);
		}
		catch (RuntimeException ex) {
			log.debug("Expired rate-limit buckets not removed now: {}", ex.getMessage());
		}
	}

	private record Limit(String key, BucketConfiguration configuration, String message, boolean onTheRow) {
	}

}
