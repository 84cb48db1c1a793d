package io.fountain.edge.routing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import io.fountain.edge.EdgeSettings;

/**
 * The edge's one HTTP client to the services: connect and read timeouts from
 * {@link EdgeSettings} on every call, a circuit breaker per service, and for safe methods
 * (GET, HEAD) retries with exponential backoff and jitter when a service refused or
 * dropped the connection (a restart). A read that timed out is not retried: the client
 * would wait the timeout again. A service that does not answer, or whose breaker is open,
 * is a {@link DownstreamUnavailable}: a 503 naming it, at once while the breaker is open;
 * the breaker lets a few calls through after {@code 10 s} and closes again when they
 * succeed, so the edge recovers by itself.
 */
@Component
public class Downstreams {

	private final RestClient http;

	private final Map<String, String> services;

	private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

	private final CircuitBreakerConfig breakerConfig = CircuitBreakerConfig.custom()
		.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
		.slidingWindowSize(20)
		.minimumNumberOfCalls(5)
		.failureRateThreshold(50)
		.waitDurationInOpenState(Duration.ofSeconds(10))
		.permittedNumberOfCallsInHalfOpenState(3)
		.automaticTransitionFromOpenToHalfOpenEnabled(false)
		.recordException(Downstreams::unavailable)
		.build();

	private final Retry retry = Retry.of("safe-reads",
			RetryConfig.custom()
				.maxAttempts(3)
				.intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(100), 2.0, 0.5))
				.retryOnException(Downstreams::connectionRefusedOrDropped)
				.build());

	Downstreams(RestClient.Builder builder, EdgeSettings settings) {
		// The executor writes request bodies; without one, Spring starts a new platform
		// thread for every request
		// (JFR, issue 14: one thread per proxied command). Virtual threads cost next to
		// nothing.
		Executor bodies = Executors.newVirtualThreadPerTaskExecutor();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1) // no h2c upgrade attempt on every new
													// connection
			.connectTimeout(settings.connectTimeout())
			.executor(bodies)
			.build(), bodies);
		requests.setReadTimeout(settings.readTimeout());
		this.http = builder.clone().requestFactory(requests).build();
		this.services = settings.services();
	}

	public RestClient http() {
		return http;
	}

	public RouteTable.Downstream service(String name) {
		String url = services.get(name);
		if (url == null) {
			throw new IllegalStateException("No URL for service '" + name + "' under fountain.edge.services");
		}
		return new RouteTable.Downstream(name, url);
	}

	/**
	 * A read (safe to repeat) of {@code target}: retried on a refused or dropped
	 * connection.
	 */
	public <T> T call(RouteTable.Downstream target, Supplier<T> call) {
		return call(target, true, call);
	}

	/**
	 * Runs a call to {@code target} through its circuit breaker (and, when {@code safe},
	 * the retries); a timeout, a refused connection or an open breaker becomes a 503
	 * naming it.
	 */
	public <T> T call(RouteTable.Downstream target, boolean safe, Supplier<T> call) {
		CircuitBreaker breaker = breakers.computeIfAbsent(target.name(),
				name -> CircuitBreaker.of(target.serviceName(), breakerConfig));
		Supplier<T> guarded = CircuitBreaker.decorateSupplier(breaker, call);
		if (safe) {
			guarded = Retry.decorateSupplier(retry, guarded);
		}
		try {
			return guarded.get();
		}
		catch (ResourceAccessException ex) {
			throw new DownstreamUnavailable(target, "it did not answer in time", ex);
		}
		catch (CallNotPermittedException ex) {
			throw new DownstreamUnavailable(target, "it failed repeatedly just now and is given a few seconds", ex);
		}
	}

	/**
	 * The state of each service's breaker, for health and tests: CLOSED, OPEN, HALF_OPEN.
	 */
	public Map<String, String> breakerStates() {
		Map<String, String> states = new TreeMap<>();
		breakers.forEach((name, breaker) -> states.put(name, breaker.getState().name()));
		return states;
	}

	private static boolean unavailable(Throwable failure) {
		return failure instanceof ResourceAccessException;
	}

	private static boolean connectionRefusedOrDropped(Throwable failure) {
		if (!(failure instanceof ResourceAccessException)) {
			return false;
		}
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
				return true;
			}
			if (cause instanceof HttpTimeoutException) {
				return false; // it is there but slow: asking again would only double the
								// wait
			}
		}
		return failure.getCause() instanceof IOException;
	}

	/** A service did not answer in time: the client gets a 503 problem naming it. */
	public static final class DownstreamUnavailable extends RuntimeException {

		private final String service;

		DownstreamUnavailable(RouteTable.Downstream target, String why, Exception cause) {
			super(target.serviceName() + " is unavailable (" + why + "). Try again shortly.", cause);
			this.service = target.serviceName();
		}

		public String service() {
			return service;
		}

	}

}
