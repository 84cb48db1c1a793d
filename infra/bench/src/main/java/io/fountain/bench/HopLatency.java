package io.fountain.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fountain.local.Service;

/**
 * Event hop latency, outbox commit to the consuming handler, from the services' own
 * histogram ({@code fountain_event_hop_seconds}): bucket counts scraped before and after
 * a phase, summed over services, give that phase's distribution.
 */
final class HopLatency {

	private static final Pattern BUCKET = Pattern
		.compile("^fountain_event_hop_seconds_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*} ([0-9.eE+-]+)$");

	private final HttpClient http = HttpClient.newHttpClient();

	private final Target target;

	HopLatency(Target target) {
		this.target = target;
	}

	/** Cumulative counts by upper bound (seconds), all consuming services together. */
	TreeMap<Double, Double> scrape() {
		TreeMap<Double, Double> buckets = new TreeMap<>();
		for (Map.Entry<Service, String> service : target.serviceUrls().entrySet()) {
			if (service.getKey() == Service.EDGE) {
				continue; // consumes nothing; script-svc counts every part of every play
			}
			try {
				String body = http
					.send(HttpRequest.newBuilder(URI.create(service.getValue() + "/actuator/prometheus")).build(),
							HttpResponse.BodyHandlers.ofString())
					.body();
				body.lines().forEach(line -> {
					Matcher m = BUCKET.matcher(line);
					if (m.matches()) {
						double le = m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY
								: Double.parseDouble(m.group(1));
						buckets.merge(le, Double.parseDouble(m.group(2)), Double::sum);
					}
				});
			}
			catch (Exception ex) {
				if (ex instanceof InterruptedException) {
					Thread.currentThread().interrupt();
				}
			}
		}
		return buckets;
	}

	/**
	 * p50 and p99 in milliseconds of the hops between two scrapes (upper bounds of their
	 * buckets).
	 */
	static double[] percentiles(TreeMap<Double, Double> before, TreeMap<Double, Double> after, double... ps) {
		TreeMap<Double, Double> delta = new TreeMap<>();
		after.forEach((le, count) -> delta.put(le, count - before.getOrDefault(le, 0.0)));
		double total = delta.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
		double[] result = new double[ps.length];
		for (int i = 0; i < ps.length; i++) {
			double wanted = total * ps[i] / 100.0;
			result[i] = Double.NaN;
			for (Map.Entry<Double, Double> bucket : delta.entrySet()) {
				if (total > 0 && bucket.getValue() >= wanted) {
					result[i] = bucket.getKey() * 1000.0;
					break;
				}
			}
		}
		return result;
	}

	static double count(TreeMap<Double, Double> before, TreeMap<Double, Double> after) {
		return after.getOrDefault(Double.POSITIVE_INFINITY, 0.0) - before.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
	}

}
