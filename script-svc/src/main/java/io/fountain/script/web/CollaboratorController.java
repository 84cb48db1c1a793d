package io.fountain.script.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.fountain.callers.Caller;
import io.fountain.access.Need;
import io.fountain.access.Role;
import io.fountain.access.ScriptAccess;
import io.fountain.problems.paging.Page;
import io.fountain.problems.paging.Paging;
import io.fountain.script.ScriptNotFound;
import io.fountain.script.sharing.Members;
import io.fountain.script.sharing.Sharing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Who may work on a script: everyone with a part in it may see the list; only its owner
 * changes it. Every other service follows the changes from script events.
 */
@Tag(name = "Collaborators", description = "Who may work on a script: editors and viewers, shared by its owner")
@RestController
@RequestMapping("/scripts/{id}/collaborators")
class CollaboratorController {

	/**
	 * What a user id may look like (the same rule the edge applies to a token's subject).
	 */
	static final String USER_ID = "[A-Za-z0-9._:@|+-]{1,128}";

	private final Sharing sharing;

	private final Members members;

	private final ScriptAccess access;

	CollaboratorController(Sharing sharing, Members members, ScriptAccess access) {
		this.sharing = sharing;
		this.members = members;
		this.access = access;
	}

	/**
	 * Everyone with a part in the script, a page at a time: its owner first, then the
	 * collaborators by user id.
	 */
	@Operation(operationId = "listCollaborators",
			summary = "List everyone with a part in a script, its owner first, a page at a time")
	@GetMapping
	Page<Collaborator> list(@PathVariable UUID id, @ParameterObject Paging paging) {
		access.require(id, Need.READ, () -> new ScriptNotFound(id));
		long total = members.count(id);
		if (total == 0) {
			throw new ScriptNotFound(id);
		}
		return paging.of(members.of(id, paging.offset(), paging.size()), total)
			.map(m -> new Collaborator(m.userId(), m.role().wire()));
	}

	/** Adds the user as {@code editor} or {@code viewer}, or changes their role. */
	@Operation(operationId = "shareScript",
			summary = "Add a collaborator (editor or viewer) to a script, or change their role")
	@PutMapping("/{userId}")
	Collaborators share(@PathVariable UUID id, @PathVariable String userId, @Valid @RequestBody NewRole body) {
		access.require(id, Need.OWN, () -> new ScriptNotFound(id));
		requireUserId(userId);
		if (userId.equals(Caller.SYSTEM)) {
			throw new NotAUserId("is reserved for Fountain's own services: it cannot be a collaborator");
		}
		sharing.share(id, userId, Role.fromWire(body.role()));
		return Collaborators.of(access.membersOf(id).orElseThrow(() -> new ScriptNotFound(id)));
	}

	@Operation(operationId = "unshareScript", summary = "Remove a collaborator from a script")
	@ApiResponse(responseCode = "204", description = "Removed")
	@DeleteMapping("/{userId}")
	ResponseEntity<Void> unshare(@PathVariable UUID id, @PathVariable String userId) {
		access.require(id, Need.OWN, () -> new ScriptNotFound(id));
		requireUserId(userId);
		sharing.unshare(id, userId);
		return ResponseEntity.noContent().build();
	}

	/**
	 * Checked in the method, after access: a path parameter constraint would rename the
	 * body's fields too.
	 */
	private static void requireUserId(String userId) {
		if (!userId.matches(USER_ID)) {
			throw new NotAUserId();
		}
	}

	@ExceptionHandler(NotAUserId.class)
	ResponseEntity<ProblemDetail> notAUserId(NotAUserId ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "userId " + ex.getMessage());
		problem.setTitle("Invalid input");
		problem.setProperty("errors", List.of(Map.of("field", "userId", "message", ex.getMessage())));
		return ResponseEntity.badRequest().body(problem);
	}

	static final class NotAUserId extends RuntimeException {

		NotAUserId() {
			this("must be a user id (letters, digits and ._:@|+-, at most 128)");
		}

		NotAUserId(String message) {
			super(message);
		}

	}

	@ExceptionHandler(Sharing.OwnerIsNotACollaborator.class)
	ResponseEntity<ProblemDetail> owner(Sharing.OwnerIsNotACollaborator ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setTitle("The owner is not a collaborator");
		problem.setProperty("errors", List.of(Map.of("field", "userId", "message", ex.getMessage())));
		return ResponseEntity.unprocessableContent().body(problem);
	}

	@ExceptionHandler(ScriptNotFound.class)
	ResponseEntity<ProblemDetail> notFound(ScriptNotFound ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Script not found");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	record NewRole(@NotNull @Pattern(regexp = "editor|viewer", message = "must be editor or viewer") String role) {
	}

	record Collaborators(String owner, List<Collaborator> collaborators) {

		static Collaborators of(Map<String, Role> members) {
			String owner = members.entrySet()
				.stream()
				.filter(m -> m.getValue() == Role.OWNER)
				.map(Map.Entry::getKey)
				.findFirst()
				.orElse(null);
			return new Collaborators(owner,
					members.entrySet()
						.stream()
						.filter(m -> m.getValue() != Role.OWNER)
						.map(m -> new Collaborator(m.getKey(), m.getValue().wire()))
						.toList());
		}
	}

	record Collaborator(String userId, String role) {
	}

}
