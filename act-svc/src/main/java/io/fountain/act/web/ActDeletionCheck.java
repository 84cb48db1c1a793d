package io.fountain.act.web;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.fountain.access.DeletionAllowed;
import io.fountain.access.Need;
import io.fountain.access.ScriptAccess;
import io.fountain.act.Act;
import io.fountain.act.ActNotFound;
import io.fountain.act.Acts;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Whether the caller may delete an act, by the check its deletion makes: for the edge's
 * deletion preview, which counts the rest (hidden from the API document: clients ask the
 * edge's {@code /acts/{id}/deletion-impact}).
 */
@Hidden
@RestController
class ActDeletionCheck {

	private final Acts acts;

	private final ScriptAccess access;

	ActDeletionCheck(Acts acts, ScriptAccess access) {
		this.acts = acts;
		this.access = access;
	}

	@GetMapping("/acts/{id}" + DeletionAllowed.PATH)
	DeletionAllowed check(@PathVariable UUID id) {
		Act act = acts.findById(id).orElseThrow(() -> new ActNotFound(id));
		access.require(act.scriptId(), Need.WRITE, () -> new ActNotFound(id));
		return new DeletionAllowed(act.scriptId());
	}

}
