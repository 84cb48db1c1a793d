package io.fountain.problems.paging;

import java.util.List;

import org.springframework.web.method.support.HandlerMethodArgumentResolver;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Which page of a list the client asked for: {@code page} from 0, {@code size} items a
 * page. A handler method takes a {@code Paging} parameter (annotated
 * {@code @ParameterObject} for the API documentation); a value out of range, not a number
 * or given twice is a 400 problem naming the parameter.
 */
public record Paging(
		@Parameter(in = ParameterIn.QUERY, name = "page", description = "Which page, from 0",
				schema = @Schema(type = "integer", minimum = "0", maximum = "100000", defaultValue = "0")) int page,
		@Parameter(in = ParameterIn.QUERY, name = "size", description = "How many items a page holds, at most 100",
				schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20")) int size) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	/** Far beyond any list a play has; it keeps {@code page * size} a small number. */
	public static final int MAX_PAGE = 100_000;

	public Paging {
		if (page < 0 || page > MAX_PAGE) {
			throw new InvalidPaging("page", "must be between 0 and " + MAX_PAGE);
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidPaging("size", "must be between 1 and " + MAX_SIZE);
		}
	}

	/** What reads a handler's {@code Paging} from the query. */
	public static HandlerMethodArgumentResolver resolver() {
		return new PagingResolver();
	}

	/** How many items come before this page. */
	public int offset() {
		return page * size;
	}

	/** This page of items, whose list holds {@code total}. */
	public <T> Page<T> of(List<T> items, long total) {
		return new Page<>(items, page, size, total);
	}

	/** This page of a whole list. */
	public <T> Page<T> slice(List<T> all) {
		int from = Math.min(offset(), all.size());
		return of(List.copyOf(all.subList(from, Math.min(from + size, all.size()))), all.size());
	}
}
