package io.fountain.edge.tree;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.fountain.edge.security.EdgeCaller;
import io.fountain.format.FountainWriter;

/**
 * The whole play as one read: {@code GET /scripts/{id}/tree} as JSON, and {@code GET
 * /scripts/{id}} with {@code Accept: text/x-fountain} as a Fountain screenplay. A play
 * still being created has no tree yet: 409, with where to follow its progress.
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
	ResponseEntity<?> tree(@PathVariable UUID scriptId) {
		PlayTrees.Answer tree = trees.assemble(scriptId, caller.tokenFor(EdgeCaller.current()));
		if (tree.status() != 200) {
			// The service's problem, passed on as what it is (it went out as
			// application/json).
			return ResponseEntity.status(tree.status())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(tree.body());
		}
		if (!tree.playStatus().equals("ACTIVE")) {
			return notYet(scriptId, tree.playStatus());
		}
		return ResponseEntity.ok(tree.body());
	}

	/**
	 * The play as a Fountain screenplay: for {@code GET /scripts/{id}} when the client
	 * asks for {@code text/x-fountain} by name (the proxy decides; a client that accepts
	 * anything gets the script's JSON).
	 */
	public ResponseEntity<?> export(UUID scriptId) {
		PlayTrees.Answer tree = trees.assemble(scriptId, caller.tokenFor(EdgeCaller.current()));
		if (tree.status() != 200) {
			return ResponseEntity.status(tree.status())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(tree.body());
		}
		if (!tree.playStatus().equals("ACTIVE")) {
			return notYet(scriptId, tree.playStatus());
		}
		String fountain = FountainWriter.write(PlayTreeDocument.of(tree.body()));
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(FOUNTAIN + ";charset=UTF-8")).body(fountain);
	}

	static ResponseEntity<ProblemDetail> notYet(UUID scriptId, String status) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The play is " + status
				+ ": its parts are still being created. Follow /scripts/" + scriptId + "/status until it is ACTIVE.");
		problem.setTitle("Play not ready");
		problem.setInstance(URI.create("/scripts/" + scriptId + "/status"));
		return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
