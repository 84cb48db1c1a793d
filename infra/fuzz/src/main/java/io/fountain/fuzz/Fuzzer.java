package io.fountain.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.fountain.fuzz.Mutation.Mutated;
import io.fountain.fuzz.ValidRequests.Valid;
import io.fountain.testing.RawHttp;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the requests and checks the answers: first each operation's valid request, then
 * mutations of them. Every (operation, mutation) pair that applies is one case; the cases
 * go in an order shuffled by the seed, all of them before any twice, each time with the
 * mutation's variant and place drawn anew.
 */
final class Fuzzer {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final long PROGRESS_NANOS = 5_000_000_000L;

	private final Edge edge;

	private final ApiDocument document;

	private final List<Operation> operations;

	private final Fixtures fixtures;

	private final ValidRequests validRequests;

	private final Witness witness;

	private final Findings findings;

	private final Random random;

	private final Serials serials;

	private final Map<String, String> validAnswers = new LinkedHashMap<>();

	/**
	 * For each mutation, how many of its requests got each class of answer (2xx, 4xx,
	 * 5xx, none).
	 */
	private final Map<String, Map<String, Integer>> answers = new TreeMap<>();

	Fuzzer(Edge edge, ApiDocument document, List<Operation> operations, Fixtures fixtures, ValidRequests validRequests,
			Witness witness, Findings findings, Random random, Serials serials) {
		this.edge = edge;
		this.document = document;
		this.operations = operations;
		this.fixtures = fixtures;
		this.validRequests = validRequests;
		this.witness = witness;
		this.findings = findings;
		this.random = random;
		this.serials = serials;
	}

	/** A source of numbers that make each request's text its own. */
	static final class Serials {

		private int next = 1;

		int next() {
			return next++;
		}

	}

	/** One pair of the plan. */
	record Case(Operation operation, Mutation mutation) {
	}

	/**
	 * Every pair of an operation and a mutation that applies to it, in the document's and
	 * the catalogue's order.
	 */
	static List<Case> cases(List<Operation> operations, List<Mutation> mutations) {
		List<Case> cases = new ArrayList<>();
		for (Operation operation : operations) {
			for (Mutation mutation : mutations) {
				if (mutation.appliesTo().test(operation)) {
					cases.add(new Case(operation, mutation));
				}
			}
		}
		return cases;
	}

	/**
	 * The cases to send, {@code count} of them: the plan shuffled, again each time it is
	 * used up.
	 */
	static List<Case> plan(List<Case> cases, int count, Random random) {
		List<Case> plan = new ArrayList<>(count);
		List<Case> round = new ArrayList<>(cases);
		while (plan.size() < count) {
			Collections.shuffle(round, random);
			plan.addAll(round.subList(0, Math.min(round.size(), count - plan.size())));
		}
		return plan;
	}

	/**
	 * Sends each operation's valid request once; a refusal is a finding (the mutations
	 * start from them).
	 */
	void confirmValid() {
		for (Operation operation : operations) {
			Valid valid = build(operation);
			Optional<RawHttp.Response> answer = edge.send(valid.request());
			String shown = answer.map(Checks::brief).orElse("no answer");
			validAnswers.put(operation.name(), shown.length() > 80 ? shown.substring(0, 80) + "..." : shown);
			if (answer.isEmpty()) {
				findings.add(new Finding(Finding.Kind.NO_ANSWER, operation.name(), "valid request", "", valid.request(),
						"no answer"));
				continue;
			}
			check(operation, valid.request(), "valid request", "", answer.get());
			if (answer.get().status() >= 400) {
				findings.add(new Finding(Finding.Kind.VALID_REFUSED, operation.name(), "valid request", "",
						valid.request(), Checks.brief(answer.get())));
			}
			else {
				accepted(operation, valid.request());
			}
		}
	}

	/** Sends the plan's mutated requests, a progress line every few seconds. */
	void mutate(List<Case> plan, Consumer<String> progress) {
		long lastProgress = System.nanoTime();
		int done = 0;
		for (Case each : plan) {
			send(each);
			done++;
			if (System.nanoTime() - lastProgress > PROGRESS_NANOS) {
				lastProgress = System.nanoTime();
				progress.accept(String.format("%,d/%,d mutated requests (%,d sent in all), %d findings %s", done,
						plan.size(), edge.sent(), findings.size(), findings.counts()));
			}
		}
	}

	/**
	 * For each mutation, how many of its requests got each class of answer ({@code 4xx},
	 * {@code none}, ...).
	 */
	Map<String, Map<String, Integer>> answers() {
		return answers;
	}

	/** Each operation and how its valid request was answered. */
	Map<String, String> validAnswers() {
		return validAnswers;
	}

	private void send(Case each) {
		Operation operation = each.operation();
		Valid valid = build(operation);
		Mutated mutated = each.mutation().apply(valid, random);
		String mutation = each.mutation().name();
		Optional<Witness.Look> look = witness.lookFor(operation, valid.request());
		Optional<Witness.Snapshot> before = look.map(witness::read);
		Optional<RawHttp.Response> sent = edge.send(mutated.request());
		answers.computeIfAbsent(mutation, m -> new TreeMap<>())
			.merge(sent.map(answer -> answer.status() / 100 + "xx").orElse("none"), 1, Integer::sum);
		if (sent.isEmpty()) {
			findings.add(new Finding(Finding.Kind.NO_ANSWER, operation.name(), mutation, mutated.detail(),
					mutated.request(), "no answer"));
			witness.forget();
			return;
		}
		RawHttp.Response answer = sent.get();
		check(operation, mutated.request(), mutation, mutated.detail(), answer);
		if (answer.status() < 400) {
			if (mutated.mustRefuse()) {
				findings.add(new Finding(Finding.Kind.MALFORMED_ACCEPTED, operation.name(), mutation, mutated.detail(),
						mutated.request(), Checks.brief(answer)));
			}
			if (mutated.readBack() != null && answer.status() < 300) {
				readBack(operation, valid.request(), mutated, mutation, answer);
			}
			if (operation.writes() || mutated.request().writes()) {
				accepted(operation, mutated.request());
			}
		}
		else if (look.isPresent()) {
			Witness.Snapshot after = witness.reread(look.get());
			Optional<String> change = Witness.change(look.get(), before.orElseThrow(), after);
			if (change.isPresent()) {
				findings.add(new Finding(Finding.Kind.WRITE_LEAKED, operation.name(), mutation,
						mutated.detail() + "; " + change.get(), mutated.request(), Checks.brief(answer)));
				witness.forget();
			}
		}
	}

	/**
	 * The valid request of the operation: a DELETE's names victims (made now when
	 * needed).
	 */
	private Valid build(Operation operation) {
		int made = fixtures.made();
		Values.Ids ids = operation.method().equals("DELETE") ? fixtures.victimsFor(operation) : fixtures::playId;
		Valid valid = validRequests.build(operation, document.methodsOf(operation.template()), ids, serials.next());
		if (fixtures.made() != made) {
			witness.forget(); // a victim joined the play
		}
		return valid;
	}

	private void accepted(Operation operation, Request request) {
		if (operation.method().equals("DELETE") && request.method().equals("DELETE")) {
			fixtures.consumed(operation);
		}
		witness.forget();
	}

	private void check(Operation operation, Request request, String mutation, String detail, RawHttp.Response answer) {
		for (Finding.Kind kind : Checks.of(request, answer)) {
			findings.add(new Finding(kind, operation.name(), mutation, detail, request, Checks.brief(answer)));
		}
	}

	/**
	 * An accepted text must read back as sent: from the new entity's address, or the
	 * changed one's.
	 */
	private void readBack(Operation operation, Request valid, Mutated mutated, String mutation,
			RawHttp.Response answer) {
		String location = answer.header("Location");
		String target = location != null ? location.replaceFirst("^https?://[^/]+", "") : valid.path();
		if (location == null && !operation.namesOneEntity()) {
			return;
		}
		Optional<RawHttp.Response> read = edge.get(target);
		if (read.isEmpty() || read.get().status() != 200) {
			return;
		}
		JsonNode stored;
		try {
			stored = JSON.readTree(read.get().body()).path(mutated.readBack().property());
		}
		catch (JacksonException notJson) {
			return;
		}
		String sent = mutated.readBack().sent();
		if (!stored.isString() || !stored.asString().equals(sent)) {
			String shown = stored.isString() ? Escapes.readable(stored.asString().getBytes(StandardCharsets.UTF_8))
					: String.valueOf(stored);
			findings.add(new Finding(Finding.Kind.TEXT_CHANGED, operation.name(), mutation,
					mutated.detail() + "; stored " + mutated.readBack().property() + " = " + shown, mutated.request(),
					Checks.brief(answer)));
		}
	}

}
