package io.fountain.act.web;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.fountain.access.Need;
import io.fountain.access.ScriptAccess;
import io.fountain.act.Act;
import io.fountain.act.ActManagement;
import io.fountain.act.ActNotFound;
import io.fountain.act.Acts;
import io.fountain.format.FountainText;
import io.fountain.parents.ParentKind;
import io.fountain.parents.ParentNotFound;
import io.fountain.problems.conditional.EntityTagged;
import io.fountain.problems.conditional.EntityVersions;
import io.fountain.problems.conditional.IfMatch;
import io.fountain.problems.paging.Page;
import io.fountain.problems.paging.Paging;
import io.fountain.problems.patch.MergePatchMapping;
import io.fountain.problems.patch.Patch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The HTTP API of acts; edge-api routes {@code /scripts/{id}/acts} and {@code /acts/**}
 * here.
 */
@Tag(name = "Acts", description = "The acts of a script, in order")
@RestController
class ActController {

	private final ActManagement management;

	private final Acts acts;

	private final ScriptAccess access;

	ActController(ActManagement management, Acts acts, ScriptAccess access) {
		this.management = management;
		this.acts = acts;
		this.access = access;
	}

	/** The act, when the caller may do {@code need} in its script; its 404 otherwise. */
	private Act act(UUID id, Need need) {
		Act act = acts.findById(id).orElseThrow(() -> new ActNotFound(id));
		access.require(act.scriptId(), need, () -> new ActNotFound(id));
		return act;
	}

	@Operation(operationId = "createAct", summary = "Add an act to a script")
	@ApiResponse(responseCode = "201", description = "The new act; Location is its address",
			headers = @Header(name = "Location", description = "/acts/{id}", schema = @Schema(type = "string")))
	@PostMapping("/scripts/{scriptId}/acts")
	@EntityTagged
	ResponseEntity<ActView> create(@PathVariable UUID scriptId, @Valid @RequestBody(required = false) NewAct body) {
		access.require(scriptId, Need.WRITE, () -> new ParentNotFound(ParentKind.SCRIPT, scriptId));
		NewAct act = body == null ? new NewAct(null, null) : body;
		Act created = management.create(scriptId, act.title(), act.ordinal());
		return EntityVersions.created(URI.create("/acts/" + created.id()), created.version()).body(ActView.of(created));
	}

	/** The script's acts in order, a page at a time. */
	@Operation(operationId = "listActsOfScript", summary = "List the acts of a script, a page at a time")
	@GetMapping("/scripts/{scriptId}/acts")
	Page<ActView> list(@PathVariable UUID scriptId, @ParameterObject Paging paging) {
		access.require(scriptId, Need.READ, () -> new ParentNotFound(ParentKind.SCRIPT, scriptId));
		return paging.of(management.actsOf(scriptId, paging.offset(), paging.size()), acts.countByScript(scriptId))
			.map(ActView::of);
	}

	@Operation(operationId = "getAct", summary = "Read an act")
	@GetMapping("/acts/{id}")
	@EntityTagged
	ResponseEntity<ActView> get(@PathVariable UUID id) {
		Act act = act(id, Need.READ);
		return EntityVersions.ok(act.version(), ActView.of(act));
	}

	/**
	 * Retitle ({@code "title"}, {@code null} clears it) and/or move ({@code "ordinal"});
	 * absent fields stay.
	 */
	@Operation(operationId = "updateAct", summary = "Change an act (JSON merge patch)")
	@MergePatchMapping("/acts/{id}")
	@EntityTagged
	ResponseEntity<ActView> revise(@PathVariable UUID id, @Valid @RequestBody ActChanges body, IfMatch ifMatch) {
		act(id, Need.WRITE);
		Act act = management.revise(id, body.title().value(), body.title().named(), body.ordinal().value(), ifMatch);
		return EntityVersions.ok(act.version(), ActView.of(act));
	}

	@Operation(operationId = "deleteAct", summary = "Delete an act")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@DeleteMapping("/acts/{id}")
	@EntityTagged
	ResponseEntity<Void> delete(@PathVariable UUID id, IfMatch ifMatch) {
		act(id, Need.WRITE);
		management.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

	record NewAct(
			@Size(max = 300) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Pattern(
					regexp = FountainText.ONE_LINE, message = FountainText.ONE_LINE_MESSAGE) String title,
			@Min(1) @Max(10_000) Integer ordinal) {
	}

	/**
	 * A JSON merge patch of an act: {@code null} clears the title; the ordinal may be
	 * moved, not cleared.
	 */
	record ActChanges(
			@Size(max = 300) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Pattern(
					regexp = FountainText.ONE_LINE, message = FountainText.ONE_LINE_MESSAGE) Patch<String> title,
			@NotNull @Min(1) @Max(10_000) Patch<Integer> ordinal) {
	}

	record ActView(UUID id, UUID scriptId, int ordinal, String title) {

		static ActView of(Act act) {
			return new ActView(act.id(), act.scriptId(), act.ordinal(), act.title());
		}
	}

}
