package io.fountain.problems.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: its items, which page and size the client asked for, and how many
 * items the list holds.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

	public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
		return new Page<>(items.stream().<R>map(mapper).toList(), page, size, total);
	}
}
