package io.fountain.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The plan: every pair of an operation and a mutation that applies, all before any twice,
 * the same for a seed.
 */
class FuzzerTests {

	private final List<Fuzzer.Case> cases = Fuzzer.cases(SampleApi.operations(), Mutations.all());

	@Test
	void everyOperationMeetsEveryMutationThatAppliesToIt() {
		assertThat(cases).extracting(each -> each.operation().name())
			.containsAll(SampleApi.operations().stream().map(Operation::name).toList());
		assertThat(cases).filteredOn(each -> each.operation().name().equals("GET /scripts"))
			.extracting(each -> each.mutation().name())
			.contains("paging not a number", "path %2f", "TRACE")
			.doesNotContain("U+0000", "Idempotency-Key 8,000 chars");
	}

	@Test
	void theWholePlanComesBeforeAnyPairTwice() {
		List<Fuzzer.Case> plan = Fuzzer.plan(cases, cases.size() * 2 + 5, new Random(1));

		assertThat(plan).hasSize(cases.size() * 2 + 5);
		assertThat(plan.subList(0, cases.size())).containsExactlyInAnyOrderElementsOf(cases);
		assertThat(plan.subList(cases.size(), cases.size() * 2)).containsExactlyInAnyOrderElementsOf(cases);
	}

	@Test
	void aSeedMakesThePlan() {
		assertThat(Fuzzer.plan(cases, 500, new Random(7))).isEqualTo(Fuzzer.plan(cases, 500, new Random(7)))
			.isNotEqualTo(Fuzzer.plan(cases, 500, new Random(8)));
	}

}
