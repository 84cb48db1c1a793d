package io.fountain.fuzz;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import io.fountain.testing.RawHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entities the requests name, made through the API itself with the valid requests of
 * its creating operations: a play (script, act, scene, character, action, dialogue,
 * transition) that every request but a DELETE works on, and victims for the DELETEs, made
 * again once one is deleted. A victim lives in the play, but empty (an act without
 * scenes), so that deleting it cascades to nothing the other requests see; a script to
 * delete is a play of its own, and a collaborator to remove is shared on one.
 */
final class Fixtures {

	/** In the order they are made: each after its parents. */
	static final List<String> KINDS = List.of("script", "act", "scene", "character", "action", "dialogue",
			"transition");

	/** The user a PUT of a collaborator shares the play with. */
	static final String FRIEND = "fuzz-friend";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private final Edge edge;

	private final List<Operation> operations;

	private final ApiDocument document;

	private final ValidRequests validRequests;

	private final IntSupplier serials;

	private final Map<String, String> play = new LinkedHashMap<>();

	private final Map<String, String> victims = new HashMap<>();

	private int victimUsers;

	private int made;

	Fixtures(Edge edge, ApiDocument document, List<Operation> operations, ValidRequests validRequests,
			IntSupplier serials) {
		this.edge = edge;
		this.document = document;
		this.operations = operations;
		this.validRequests = validRequests;
		this.serials = serials;
	}

	/** How many entities were made so far: a change means the play has more parts. */
	int made() {
		return made;
	}

	/**
	 * Makes the play. A part that cannot be made is a finding: the requests that name it
	 * then name nothing (a 404), and the run goes on.
	 */
	void makePlay(Consumer<Finding> findings) {
		for (String kind : KINDS) {
			try {
				play.put(kind, create(kind, this::playId));
			}
			catch (NotMade notMade) {
				findings.accept(new Finding(Finding.Kind.VALID_REFUSED, notMade.operation.name(), "valid request",
						"making the play's " + kind, notMade.request, notMade.answer));
			}
		}
	}

	/** The play's ids, for every request but a DELETE's. */
	Optional<String> playId(String kind) {
		return kind.equals("collaborator") ? Optional.of(FRIEND) : Optional.ofNullable(play.get(kind));
	}

	Map<String, String> play() {
		return Map.copyOf(play);
	}

	/**
	 * Ids for a DELETE: a victim of every kind its path names, made when there is none. A
	 * victim's parents are the play's, but for one the path names as well: a collaborator
	 * to remove is one of a victim script.
	 */
	Values.Ids victimsFor(Operation operation) {
		List<String> named = operation.in("path")
			.stream()
			.map(p -> operation.kindOf(p.name()))
			.flatMap(Optional::stream)
			.toList();
		Values.Ids parents = kind -> named.contains(kind) && victims.containsKey(kind) ? Optional.of(victims.get(kind))
				: playId(kind);
		return kind -> {
			if (!victims.containsKey(kind) && creator(kind).isEmpty()) {
				return playId(kind);
			}
			if (!victims.containsKey(kind)) {
				try {
					victims.put(kind, create(kind, parents));
				}
				catch (NotMade notMade) {
					return Optional.empty(); // the DELETE then names nothing: a 404, and
												// the run goes on
				}
			}
			return Optional.of(victims.get(kind));
		};
	}

	/**
	 * After a DELETE was accepted: every victim its path named is gone, or may be; with a
	 * script, whatever was made in it.
	 */
	void consumed(Operation operation) {
		operation.in("path").forEach(parameter -> operation.kindOf(parameter.name()).ifPresent(kind -> {
			if (kind.equals("script")) {
				victims.clear();
			}
			victims.remove(kind);
		}));
	}

	/**
	 * Makes one entity of the kind with the valid request of the operation that creates
	 * it; its id.
	 */
	private String create(String kind, Values.Ids parents) {
		Operation creator = creator(kind)
			.orElseThrow(() -> new IllegalStateException("The API document has no operation that creates a " + kind));
		ValidRequests.Valid valid;
		Values.Ids ids = parents;
		String user = null;
		if (creator.method().equals("PUT")) {
			user = "fuzz-victim-" + (++victimUsers);
			String chosen = user;
			ids = k -> k.equals(kind) ? Optional.of(chosen) : parents.idOf(k);
		}
		valid = validRequests.build(creator, document.methodsOf(creator.template()), ids, serials.getAsInt());
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		String last = "no answer";
		while (System.nanoTime() < deadline) {
			Optional<RawHttp.Response> answer = edge.send(valid.request());
			if (answer.isPresent() && answer.get().status() < 300) {
				made++;
				if (user != null) {
					return user;
				}
				JsonNode created = JSON.readTree(answer.get().body());
				return created.path("id").asString();
			}
			last = answer.map(Checks::brief).orElse("no answer");
			if (answer.isPresent() && answer.get().status() != 404 && answer.get().status() != 503) {
				break; // a parent not known yet is a 404 for a moment; anything else will
						// not pass
			}
			pause();
		}
		throw new NotMade(creator, valid.request(), last);
	}

	/** An entity the API would not make: the operation, the request and the answer. */
	static final class NotMade extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient Operation operation;

		private final transient Request request;

		private final String answer;

		NotMade(Operation operation, Request request, String answer) {
			super(operation.name() + ": " + answer, null, false, false);
			this.operation = operation;
			this.request = request;
			this.answer = answer;
		}

	}

	/**
	 * The operation that makes an entity of the kind: a POST to its plural, or a PUT of
	 * one by its id.
	 */
	Optional<Operation> creator(String kind) {
		String plural = kind + "s";
		Optional<Operation> post = operations.stream()
			.filter(op -> op.method().equals("POST") && op.template().endsWith("/" + plural)
					&& (op.body() == null || op.hasJsonBody()))
			.findFirst();
		if (post.isPresent()) {
			return post;
		}
		return operations.stream()
			.filter(op -> op.method().equals("PUT") && op.namesOneEntity()
					&& op.lastPathParameter().flatMap(op::kindOf).filter(kind::equals).isPresent())
			.findFirst();
	}

	private static void pause() {
		try {
			Thread.sleep(250); // polling, with the deadline above
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
