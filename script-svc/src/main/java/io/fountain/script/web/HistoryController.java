package io.fountain.script.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.fountain.access.Need;
import io.fountain.access.ScriptAccess;
import io.fountain.problems.ProblemHandling;
import io.fountain.problems.paging.Page;
import io.fountain.problems.paging.Paging;
import io.fountain.script.ScriptNotFound;
import io.fountain.script.history.PlayHistory;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The play's history, for those who write it: who made, changed or deleted what, when,
 * and from which command or cascade.
 */
@Tag(name = "History", description = "Who made, changed or deleted what in a play, and when")
@RestController
class HistoryController {

	private static final Set<String> KINDS = Set.of("script", "act", "scene", "action", "character", "dialogue",
			"transition");

	private final PlayHistory history;

	private final ScriptAccess access;

	HistoryController(PlayHistory history, ScriptAccess access) {
		this.history = history;
		this.access = access;
	}

	@Operation(operationId = "getPlayHistory", summary = "A play's history, newest first",
			description = "Every creation, change and deletion of the play and its parts: who, when, which entity, "
					+ "what an update changed, why a deletion happened, and the correlation id of the command or "
					+ "cascade it came from. Its owner and editors see it; it goes with the play's deletion.")
	@ApiResponse(responseCode = "200", description = "A page of the history")
	@ApiResponse(responseCode = "403", description = "A viewer of the play: only its owner and editors read it",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = "#/components/schemas/Problem")))
	@GetMapping("/scripts/{id}/history")
	Page<PlayHistory.Entry> history(@PathVariable UUID id, @ParameterObject Paging paging,
			@Parameter(description = "Only entries about this kind of entity",
					schema = @Schema(allowableValues = { "script", "act", "scene", "action", "character", "dialogue",
							"transition" })) @RequestParam(required = false) String kind,
			@Parameter(description = "Only what this user did") @RequestParam(required = false) String user) {
		access.require(id, Need.WRITE, () -> new ScriptNotFound(id));
		if (kind != null && !KINDS.contains(kind)) {
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST,
					ProblemHandling.invalidInput("kind must be one of " + KINDS,
							List.of(new ProblemHandling.FieldError("kind", "must be one of " + KINDS))),
					null);
		}
		return history.of(id, Optional.ofNullable(kind), Optional.ofNullable(user), paging);
	}

	/**
	 * The play's revision, for the edge's {@code ETag} of the tree and the Fountain
	 * export (issue 18): the number of entries of its history, which grows with every
	 * creation, change and deletion of the play or its parts, as their events are applied
	 * here (commits of entries whose sequence numbers were drawn out of order still
	 * count). For anyone who may read the play.
	 */
	@Hidden
	@GetMapping("/scripts/{id}/revision")
	Map<String, Long> revision(@PathVariable UUID id) {
		access.require(id, Need.READ, () -> new ScriptNotFound(id));
		return Map.of("revision", history.revision(id));
	}

	/**
	 * The entries after a revision, oldest first, with the play's revision: what the
	 * edge's change feed (GET /scripts/{id}/changes, Server-Sent Events) sends next. For
	 * anyone who may read the play; a 404 once the play is gone or no longer theirs.
	 */
	@Hidden
	@GetMapping("/scripts/{id}/history/after/{revision}")
	Map<String, Object> after(@PathVariable UUID id, @PathVariable long revision,
			@RequestParam(defaultValue = "500") int limit) {
		access.require(id, Need.READ, () -> new ScriptNotFound(id));
		return Map.of("revision", history.revision(id), "items",
				history.after(id, revision, Math.clamp(limit, 1, 1000)));
	}

	@ExceptionHandler(ScriptNotFound.class)
	ResponseEntity<ProblemDetail> notFound(ScriptNotFound ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Script not found");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

}
