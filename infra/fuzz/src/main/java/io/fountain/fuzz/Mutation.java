package io.fountain.fuzz;

import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import io.fountain.fuzz.ValidRequests.Valid;

/**
 * One way to break a valid request, as a hostile or careless client would.
 *
 * @param name how the report names it ({@code lone surrogate}, {@code path %2f})
 * @param appliesTo the operations it makes sense for (a body mutation needs a body)
 * @param mutate the request broken; the random source picks among the variants and the
 * places
 */
record Mutation(String name, Predicate<Operation> appliesTo, BiFunction<Valid, Random, Mutated> mutate) {

	Mutated apply(Valid valid, Random random) {
		return mutate.apply(valid, random);
	}

	@Override
	public String toString() {
		return name;
	}

	/**
	 * A broken request, and what the answer to it must be besides not a 5xx and, as an
	 * error, problem+json.
	 *
	 * @param detail where and how it is broken ({@code title}, {@code C0 AF}), for the
	 * report
	 * @param mustRefuse whether accepting it (a 2xx) is a finding: the request is
	 * malformed by the document's own terms (a wrong type, invalid UTF-8, a value out of
	 * bounds, a duplicate key, an invalid token)
	 * @param readBack when not {@code null} and the request was accepted: the text the
	 * entity must now hold as sent
	 */
	record Mutated(Request request, String detail, boolean mustRefuse, ReadBack readBack) {

		Mutated(Request request, String detail, boolean mustRefuse) {
			this(request, detail, mustRefuse, null);
		}
	}

	/** A top-level text property that an accepted request set, and the text sent. */
	record ReadBack(String property, String sent) {
	}
}
