package io.fountain.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.fountain.fuzz.Mutation.Mutated;

/**
 * What each mutation sends: broken as its name says, and the same again for the same
 * seed.
 */
class MutationsTests {

	private static final String CREATE_SCRIPT = "POST /scripts (application/json)";

	private static final String CREATE_DIALOGUE = "POST /scenes/{sceneId}/dialogues (application/json)";

	@Test
	void everyMutationAppliesToSomeOperationAndChangesWhatIsSent() {
		for (Mutation mutation : Mutations.all()) {
			List<Operation> applies = SampleApi.operations().stream().filter(mutation.appliesTo()).toList();
			assertThat(applies).as(mutation.name()).isNotEmpty();
			for (Operation operation : applies) {
				ValidRequests.Valid valid = SampleApi.valid(operation.name());
				Random random = new Random(42);
				for (int i = 0; i < 30; i++) {
					Mutated mutated = mutation.apply(valid, random);
					assertThat(mutated.request().wire(8080)).as(mutation.name() + " of " + operation.name())
						.isNotEqualTo(valid.request().wire(8080));
				}
			}
		}
	}

	@Test
	void theSameSeedSendsTheSameBytes() {
		List<Fuzzer.Case> cases = Fuzzer.cases(SampleApi.operations(), Mutations.all());

		assertThat(wires(cases, 1)).isEqualTo(wires(cases, 1)).isNotEqualTo(wires(cases, 2));
	}

	@Test
	void aLongStringIsOneMebibyteInAStringProperty() {
		Mutated mutated = once("1 MB string", CREATE_DIALOGUE, m -> m.detail().startsWith("text"));

		assertThat(body(mutated)).contains("\"text\":\"" + "a".repeat(Mutations.LONG) + "\"");
		assertThat(mutated.mustRefuse()).as("over the schema's maxLength of 20,000").isTrue();
	}

	@Test
	void aDeeplyNestedBodyIsTenThousandLevels() {
		String body = body(once("deeply nested body", CREATE_SCRIPT, m -> true));

		assertThat(body.chars().filter(c -> c == '[' || c == '{').count()).isEqualTo(Mutations.DEEP);
	}

	@Test
	void brokenUtf8GoesInAsRawBytes() {
		Mutated mutated = once("overlong UTF-8", CREATE_SCRIPT, m -> m.detail().endsWith("C0AF"));

		assertThat(contains(mutated.request().body(), HexFormat.of().parseHex("2246555a5ac0af7822"))).isTrue();
		assertThat(mutated.mustRefuse()).isTrue();
	}

	@Test
	void aLoneSurrogateIsTheEscapeNoJsonWriterWouldWrite() {
		Mutated mutated = once("lone surrogate", CREATE_SCRIPT, m -> m.detail().equals("title: \\ud800"));

		assertThat(body(mutated)).contains("\"FUZZ\\ud800x\"");
		assertThat(mutated.mustRefuse()).isTrue();
	}

	@Test
	void uPlusZeroIsSentEscapedAndReadBackWhenAccepted() {
		Mutated mutated = once("U+0000", CREATE_SCRIPT, m -> m.detail().startsWith("title"));

		assertThat(body(mutated)).contains("\"title\":\"FUZZ\\u0000x\"");
		assertThat(mutated.readBack()).isEqualTo(new Mutation.ReadBack("title", "FUZZ\u0000x"));
		assertThat(mutated.mustRefuse()).as("storing it exactly is as good as refusing it").isFalse();
	}

	@Test
	void aDuplicatePropertyIsWrittenTwice() {
		String body = body(once("duplicate property", CREATE_SCRIPT, m -> m.detail().equals("title")));

		assertThat(body).isEqualTo("{\"title\":\"FUZZ 7\",\"title\":\"FUZZ 7\"}");
	}

	@Test
	void aNullIsToBeRefusedWhereTheValueIsRequiredOnly() {
		assertThat(once("null", CREATE_DIALOGUE, m -> m.detail().startsWith("text:")).mustRefuse()).isTrue();
		assertThat(once("null", CREATE_DIALOGUE, m -> m.detail().startsWith("after:")).mustRefuse()).isFalse();
		Mutated inList = once("null in a list", CREATE_DIALOGUE, m -> true);
		assertThat(body(inList)).contains("\"parentheticals\":[null]");
		assertThat(inList.mustRefuse()).isTrue();
	}

	@Test
	void aValueInsideAListItemIsReachedThroughAValidItem() {
		String body = body(
				once("wrong type", CREATE_DIALOGUE, m -> m.detail().startsWith("parentheticals[0].beforeLine")));

		assertThat(body).containsPattern(
				"\"parentheticals\":\\[\\{\"text\":\"FUZZ 0\",\"beforeLine\":(\"1\"|1\\.5|true|\\{}|\\[])}]");
	}

	@Test
	void withoutContentTypeTheHeaderIsGone() {
		Mutated mutated = once("Content-Type", CREATE_SCRIPT, m -> m.detail().equals("none"));

		assertThat(mutated.request().header("Content-Type")).isNull();
		assertThat(mutated.request().body()).isNotNull();
	}

	@Test
	void junkTakesThePlaceOfAnIdInThePath() {
		String script = SampleApi.PLAY.get("script");

		assertThat(once("path %2f", "GET /scripts/{id}", m -> m.detail().contains("replaced")).request().target())
			.isEqualTo("/scripts/%2f");
		assertThat(once("path %00", "GET /scripts/{id}", m -> m.detail().startsWith("after")).request().target())
			.isEqualTo("/scripts/" + script + "%00");
		assertThat(once("path //", "GET /scripts/{id}", m -> true).request().target()).isEqualTo("/scripts//" + script);
		assertThat(once("path %5c", "GET /scripts", m -> true).request().target())
			.isEqualTo("/scripts/%5c?page=0&size=20");
	}

	@Test
	void pagingOutOfItsBoundsIsToBeRefused() {
		Mutated mutated = once("paging not a number", "GET /scripts", m -> m.request().target().contains("size=abc"));

		assertThat(mutated.request().target()).isEqualTo("/scripts?page=0&size=abc");
		assertThat(mutated.mustRefuse()).isTrue();
	}

	@Test
	void oversizedHeadersAreAsLongAsTheBriefSays() {
		Mutated key = once("Idempotency-Key 8,000 chars", CREATE_SCRIPT, m -> true);
		Mutated authorization = once("Authorization over 8 KB", "GET /scripts", m -> true);
		Mutated overMaximum = once("Idempotency-Key over its maximum", CREATE_SCRIPT, m -> true);

		assertThat(key.request().header("Idempotency-Key")).hasSize(8000);
		assertThat(authorization.request().header("Authorization").length()).isGreaterThan(8192);
		assertThat(overMaximum.request().header("Idempotency-Key").length()).isGreaterThan(200);
		assertThat(List.of(key, authorization, overMaximum)).allMatch(Mutated::mustRefuse);
	}

	@Test
	void aForgedTokenIsUnsigned() {
		Mutated mutated = once("Authorization junk", "GET /scripts",
				m -> m.request().header("Authorization") != null && m.request().header("Authorization").endsWith("."));

		assertThat(mutated.request().header("Authorization"))
			.isEqualTo("Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJmdXp6In0.");
	}

	@Test
	void anOddMethodHasNoBodyAndAnUndeclaredOneIsNeverDelete() {
		Mutated trace = once("TRACE", CREATE_SCRIPT, m -> true);
		assertThat(trace.request().method()).isEqualTo("TRACE");
		assertThat(trace.request().body()).isNull();
		Random random = new Random(42);
		for (Operation operation : SampleApi.operations()) {
			for (int i = 0; i < 20; i++) {
				assertThat(Mutations.methods()
					.getLast()
					.apply(SampleApi.valid(operation.name()), random)
					.request()
					.method()).isNotEqualTo("DELETE").isNotIn(SampleApi.document().methodsOf(operation.template()));
			}
		}
	}

	@Test
	void aFountainDocumentGetsTheBytesInItsFirstLine() {
		Mutated mutated = once("invalid UTF-8", "POST /plays (text/x-fountain)", m -> m.detail().equals("FF"));

		assertThat(mutated.request().body()).startsWith("Title: FUZZ ".getBytes(StandardCharsets.US_ASCII));
		assertThat(contains(mutated.request().body(), new byte[] { (byte) 0xff })).isTrue();
		assertThat(mutated.mustRefuse()).isTrue();
	}

	/** The first of 500 tries of the mutation that is the variant the test is about. */
	private static Mutated once(String mutation, String operation, Predicate<Mutated> wanted) {
		Mutation chosen = Mutations.all().stream().filter(m -> m.name().equals(mutation)).findFirst().orElseThrow();
		ValidRequests.Valid valid = SampleApi.valid(operation);
		Random random = new Random(42);
		return IntStream.range(0, 500)
			.mapToObj(i -> chosen.apply(valid, random))
			.filter(wanted)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no such variant of " + mutation));
	}

	private static List<String> wires(List<Fuzzer.Case> cases, long seed) {
		Random random = new Random(seed);
		List<String> wires = new ArrayList<>();
		for (Fuzzer.Case each : Fuzzer.plan(cases, 300, new Random(seed))) {
			ValidRequests.Valid valid = SampleApi.valid(each.operation().name());
			wires.add(HexFormat.of().formatHex(each.mutation().apply(valid, random).request().wire(8080)));
		}
		return wires;
	}

	private static String body(Mutated mutated) {
		return new String(mutated.request().body(), StandardCharsets.UTF_8);
	}

	private static boolean contains(byte[] haystack, byte[] needle) {
		return IntStream.rangeClosed(0, haystack.length - needle.length)
			.anyMatch(i -> Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length));
	}

}
