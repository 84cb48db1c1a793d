package io.fountain.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles of a set of durations, in milliseconds. */
record Stats(int count, double p50, double p95, double p99, double max) {

	static Stats ofNanos(List<Long> nanos) {
		if (nanos.isEmpty()) {
			return new Stats(0, 0, 0, 0, 0);
		}
		double[] ms = nanos.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
		return new Stats(ms.length, percentile(ms, 50), percentile(ms, 95), percentile(ms, 99), ms[ms.length - 1]);
	}

	static double percentile(double[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	static double[] sortedMillis(List<Long> nanos) {
		double[] ms = nanos.stream().mapToDouble(n -> n / 1e6).toArray();
		Arrays.sort(ms);
		return ms;
	}
}
