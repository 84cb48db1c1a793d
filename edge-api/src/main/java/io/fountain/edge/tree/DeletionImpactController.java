package io.fountain.edge.tree;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.fountain.edge.security.EdgeCaller;
import io.fountain.edge.tree.DeletionImpact.Deletable;

/**
 * A deletion preview: {@code GET /scripts|acts|scenes|characters/{id}/deletion-impact}
 * says what deleting the entity would take with it, counted per kind, before the writer
 * decides. A read, so a {@code GET} of its own rather than a {@code DELETE ?dryRun}: it
 * changes nothing, may be repeated and cached, and cannot become a deletion by a lost
 * query parameter.
 * <p>
 * The entity's owner first answers whether the caller may delete it, by the deletion's
 * own check (a stranger gets its 404, an editor previewing a script's deletion its 403);
 * then the counts come from the play's parts as the services hold them, gathered as for
 * the tree.
 */
@RestController
class DeletionImpactController {

	private final PlayTrees trees;

	private final EdgeCaller caller;

	DeletionImpactController(PlayTrees trees, EdgeCaller caller) {
		this.trees = trees;
		this.caller = caller;
	}

	@GetMapping("/scripts/{id}/deletion-impact")
	ResponseEntity<?> script(@PathVariable UUID id) {
		return impact(Deletable.SCRIPT, id);
	}

	@GetMapping("/acts/{id}/deletion-impact")
	ResponseEntity<?> act(@PathVariable UUID id) {
		return impact(Deletable.ACT, id);
	}

	@GetMapping("/scenes/{id}/deletion-impact")
	ResponseEntity<?> scene(@PathVariable UUID id) {
		return impact(Deletable.SCENE, id);
	}

	@GetMapping("/characters/{id}/deletion-impact")
	ResponseEntity<?> character(@PathVariable UUID id) {
		return impact(Deletable.CHARACTER, id);
	}

	private ResponseEntity<?> impact(Deletable kind, UUID id) {
		String token = caller.tokenFor(EdgeCaller.current());
		PlayTrees.Answer allowed = trees.read(kind.service, kind.address + id + "/deletion-allowed", token);
		if (allowed.status() != 200) {
			return passOn(allowed);
		}
		UUID scriptId = UUID.fromString(allowed.body().path("scriptId").asString());
		PlayTrees.Answer tree = trees.assemble(scriptId, token);
		if (tree.status() != 200) {
			return passOn(tree);
		}
		if (!tree.playStatus().equals("ACTIVE")) {
			return PlayTreeController.notYet(scriptId, tree.playStatus());
		}
		return ResponseEntity.ok(new Impact(kind.service, id, scriptId, DeletionImpact.of(tree.body(), kind, id)));
	}

	/** A service's refusal, passed on as what it is (it went out as application/json). */
	private static ResponseEntity<?> passOn(PlayTrees.Answer answer) {
		return ResponseEntity.status(answer.status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(answer.body());
	}

	/**
	 * @param kind what would be deleted ({@code script}, {@code act}, {@code scene},
	 * {@code character})
	 * @param takes how many of each kind would go, the entity itself included
	 */
	record Impact(String kind, UUID id, UUID scriptId, Map<String, Integer> takes) {
	}

}
