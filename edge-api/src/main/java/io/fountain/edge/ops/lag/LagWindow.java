package io.fountain.edge.ops.lag;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The last samples of one partition's committed and end offsets, and the status they
 * show.
 */
final class LagWindow {

	private final int size;

	private final Deque<Sample> samples = new ArrayDeque<>();

	LagWindow(int size) {
		this.size = Math.max(2, size);
	}

	void add(long committed, long end) {
		samples.addLast(new Sample(committed, end));
		while (samples.size() > size) {
			samples.removeFirst();
		}
	}

	long lag() {
		return samples.isEmpty() ? 0 : samples.getLast().lag();
	}

	/**
	 * STOPPED without members; OK when caught up; STALLED when the window is full, every
	 * sample lags and the committed offset never moved; WARN when the window is full and
	 * lag never shrank and grew overall; else OK.
	 */
	LagStatus status(boolean hasMembers) {
		if (!hasMembers) {
			return LagStatus.STOPPED;
		}
		if (samples.isEmpty() || lag() == 0) {
			return LagStatus.OK;
		}
		if (samples.size() < size) {
			return LagStatus.OK;
		}
		Sample first = samples.getFirst();
		boolean moved = samples.stream().anyMatch(s -> s.committed() != first.committed());
		boolean alwaysLagging = samples.stream().allMatch(s -> s.lag() > 0);
		if (!moved && alwaysLagging) {
			return LagStatus.STALLED;
		}
		long previous = -1;
		for (Sample sample : samples) {
			if (sample.lag() < previous) {
				return LagStatus.OK;
			}
			previous = sample.lag();
		}
		return lag() > first.lag() ? LagStatus.WARN : LagStatus.OK;
	}

	private record Sample(long committed, long end) {

		long lag() {
			return Math.max(0, end - committed);
		}
	}

}
