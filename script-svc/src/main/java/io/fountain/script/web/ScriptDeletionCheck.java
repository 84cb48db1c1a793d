package io.fountain.script.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.fountain.access.DeletionAllowed;
import io.fountain.access.Need;
import io.fountain.access.ScriptAccess;
import io.fountain.script.ScriptNotFound;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Whether the caller may delete a script (only its owner may), by the check its deletion
 * makes: for the edge's deletion preview, which counts the rest (hidden from the API
 * document: clients ask the edge's {@code /scripts/{id}/deletion-impact}).
 */
@Hidden
@RestController
class ScriptDeletionCheck {

	private final ScriptAccess access;

	ScriptDeletionCheck(ScriptAccess access) {
		this.access = access;
	}

	@GetMapping("/scripts/{id}" + DeletionAllowed.PATH)
	DeletionAllowed check(@PathVariable UUID id) {
		access.require(id, Need.OWN, () -> new ScriptNotFound(id));
		return new DeletionAllowed(id);
	}

	@ExceptionHandler(ScriptNotFound.class)
	ResponseEntity<ProblemDetail> notFound(ScriptNotFound ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Script not found");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

}
