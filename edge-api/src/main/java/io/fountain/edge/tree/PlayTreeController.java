package io.fountain.edge.tree;

import java.net.URI;
import java.util.UUID;
import java.util.function.BiFunction;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import io.fountain.edge.security.EdgeCaller;
import io.fountain.format.FountainWriter;
import io.fountain.problems.conditional.EntityVersions;
import tools.jackson.databind.JsonNode;

/**
 * The whole play as one read: {@code GET /scripts/{id}/tree} as JSON, and {@code GET
 * /scripts/{id}} with {@code Accept: text/x-fountain} as a Fountain screenplay. A play
 * still being created has no tree yet: 409, with where to follow its progress.
 * <p>
 * Both carry the play's revision as their {@code ETag} ({@code "play-57"}): script-svc's
 * count of the play's history, which every creation, change and deletion of the play or a
 * part raises as its event is applied there. An app that holds a copy sends it back in
 * {@code If-None-Match} and gets 304 from one read of script-svc, without the play being
 * gathered from six services. The revision is read before the parts, so a copy is never
 * older than its tag: a change whose event script-svc has not applied yet may be in the
 * copy already, and its event then raises the tag once more (one more read, nothing
 * missed).
 */
@RestController
public class PlayTreeController {

	public static final String FOUNTAIN = "text/x-fountain";

	private final PlayTrees trees;

	private final EdgeCaller caller;

	PlayTreeController(PlayTrees trees, EdgeCaller caller) {
		this.trees = trees;
		this.caller = caller;
	}

	@GetMapping("/scripts/{scriptId}/tree")
	ResponseEntity<?> tree(@PathVariable UUID scriptId, WebRequest request) {
		return gathered(scriptId, request,
				(tag, tree) -> ResponseEntity.ok().eTag(tag).cacheControl(EntityVersions.CACHING).body(tree));
	}

	/**
	 * The play as a Fountain screenplay: for {@code GET /scripts/{id}} when the client
	 * asks for {@code text/x-fountain} by name (the proxy decides; a client that accepts
	 * anything gets the script's JSON).
	 */
	public ResponseEntity<?> export(UUID scriptId, WebRequest request) {
		return gathered(scriptId, request,
				(tag, tree) -> ResponseEntity.ok()
					.contentType(MediaType.parseMediaType(FOUNTAIN + ";charset=UTF-8"))
					.eTag(tag)
					.cacheControl(EntityVersions.CACHING)
					.varyBy(HttpHeaders.ACCEPT)
					.body(FountainWriter.write(PlayTreeDocument.of(tree))));
	}

	/**
	 * The play's answer: 304 (null: Spring wrote it, with the tag) when the app's copy is
	 * of the play's current revision, script-svc's problem when the caller may not read
	 * the play, 409 while it is being created; otherwise the play gathered from the
	 * services, as {@code answer} renders it with the revision's tag.
	 */
	private ResponseEntity<?> gathered(UUID scriptId, WebRequest request,
			BiFunction<String, JsonNode, ResponseEntity<?>> answer) {
		String token = caller.tokenFor(EdgeCaller.current());
		PlayTrees.Answer revision = trees.revision(scriptId, token);
		if (revision.status() != 200) {
			return passOn(revision);
		}
		String tag = playTag(revision);
		if (request.checkNotModified(tag)) {
			return null;
		}
		PlayTrees.Answer tree = trees.assemble(scriptId, token);
		if (tree.status() != 200) {
			return passOn(tree);
		}
		if (!tree.playStatus().equals("ACTIVE")) {
			return notYet(scriptId, tree.playStatus());
		}
		return answer.apply(tag, tree.body());
	}

	/** The play's revision as an entity tag. */
	private static String playTag(PlayTrees.Answer revision) {
		return "\"play-" + revision.body().path("revision").asLong() + "\"";
	}

	/**
	 * script-svc's problem, passed on as what it is (it went out as application/json).
	 */
	private static ResponseEntity<?> passOn(PlayTrees.Answer problem) {
		return ResponseEntity.status(problem.status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem.body());
	}

	static ResponseEntity<ProblemDetail> notYet(UUID scriptId, String status) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The play is " + status
				+ ": its parts are still being created. Follow /scripts/" + scriptId + "/status until it is ACTIVE.");
		problem.setTitle("Play not ready");
		problem.setInstance(URI.create("/scripts/" + scriptId + "/status"));
		return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
