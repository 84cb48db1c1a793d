package io.fountain.transition.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.fountain.access.Need;
import io.fountain.access.ScriptAccess;
import io.fountain.format.FountainText;
import io.fountain.parents.ParentKind;
import io.fountain.parents.ParentNotFound;
import io.fountain.parents.Parents;
import io.fountain.positions.Position;
import io.fountain.problems.ProblemHandling;
import io.fountain.problems.conditional.EntityTagged;
import io.fountain.problems.conditional.EntityVersions;
import io.fountain.problems.conditional.IfMatch;
import io.fountain.problems.paging.Page;
import io.fountain.problems.paging.Paging;
import io.fountain.problems.patch.MergePatchMapping;
import io.fountain.problems.patch.Patch;
import io.fountain.transition.Transition;
import io.fountain.transition.TransitionManagement;
import io.fountain.transition.TransitionNotFound;
import io.fountain.transition.Transitions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The HTTP API of transitions; edge-api routes {@code /scenes/{id}/transitions} and
 * {@code /transitions/{id}} here. A transition goes at the end of its scene, or between
 * the {@code after} and {@code before} positions.
 */
@Tag(name = "Transitions", description = "A scene's transitions (CUT TO:), in the scene's one order of elements")
@RestController
class TransitionController {

	private final TransitionManagement management;

	private final Transitions transitions;

	private final ScriptAccess access;

	private final Parents parents;

	TransitionController(TransitionManagement management, Transitions transitions, ScriptAccess access,
			Parents parents) {
		this.management = management;
		this.transitions = transitions;
		this.access = access;
		this.parents = parents;
	}

	/**
	 * The transition, when the caller may do {@code need} in its script; its 404
	 * otherwise.
	 */
	private Transition transition(UUID id, Need need) {
		Transition transition = transitions.findById(id).orElseThrow(() -> new TransitionNotFound(id));
		access.require(transition.scriptId(), need, () -> new TransitionNotFound(id));
		return transition;
	}

	@Operation(operationId = "createTransition", summary = "Add a transition to a scene")
	@ApiResponse(responseCode = "201", description = "The new transition; Location is its address",
			headers = @Header(name = "Location", description = "/transitions/{id}", schema = @Schema(type = "string")))
	@PostMapping("/scenes/{sceneId}/transitions")
	@EntityTagged
	ResponseEntity<TransitionView> create(@PathVariable UUID sceneId, @Valid @RequestBody NewTransition body) {
		parents.requireUnder(ParentKind.SCENE, sceneId, Need.WRITE);
		Transition transition = management.create(sceneId, body.text(), body.after(), body.before());
		return EntityVersions.created(URI.create("/transitions/" + transition.id()), transition.version())
			.body(TransitionView.of(transition));
	}

	/** The scene's transitions in order, a page at a time. */
	@Operation(operationId = "listTransitionsOfScene", summary = "List the transitions of a scene, a page at a time")
	@GetMapping("/scenes/{sceneId}/transitions")
	Page<TransitionView> list(@PathVariable UUID sceneId, @ParameterObject Paging paging) {
		parents.requireUnder(ParentKind.SCENE, sceneId, Need.READ);
		return paging
			.of(management.transitionsOf(sceneId, paging.offset(), paging.size()), transitions.countByScene(sceneId))
			.map(TransitionView::of);
	}

	/**
	 * Every transition of a script, unpaged, for the whole-play read edge-api assembles:
	 * the edge's route table does not route this path, so clients cannot reach it.
	 */
	@GetMapping("/scripts/{scriptId}/transitions")
	List<TransitionView> ofScript(@PathVariable UUID scriptId) {
		access.require(scriptId, Need.READ, () -> new ParentNotFound(ParentKind.SCRIPT, scriptId));
		return transitions.findByScript(scriptId).stream().map(TransitionView::of).toList();
	}

	@Operation(operationId = "getTransition", summary = "Read a transition")
	@GetMapping("/transitions/{id}")
	@EntityTagged
	ResponseEntity<TransitionView> get(@PathVariable UUID id) {
		Transition transition = transition(id, Need.READ);
		return EntityVersions.ok(transition.version(), TransitionView.of(transition));
	}

	/**
	 * Changes the text; naming {@code after} and/or {@code before} moves it there. Absent
	 * fields stay.
	 */
	@Operation(operationId = "updateTransition", summary = "Change a transition (JSON merge patch)")
	@MergePatchMapping("/transitions/{id}")
	@EntityTagged
	ResponseEntity<TransitionView> revise(@PathVariable UUID id, @Valid @RequestBody TransitionChanges body,
			IfMatch ifMatch) {
		transition(id, Need.WRITE);
		boolean moves = body.after().named() || body.before().named();
		Transition transition = management.revise(id, body.text().value(), moves, body.after().value(),
				body.before().value(), ifMatch);
		return EntityVersions.ok(transition.version(), TransitionView.of(transition));
	}

	@Operation(operationId = "deleteTransition", summary = "Delete a transition")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@DeleteMapping("/transitions/{id}")
	@EntityTagged
	ResponseEntity<Void> delete(@PathVariable UUID id, IfMatch ifMatch) {
		transition(id, Need.WRITE);
		management.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(Position.InvalidPosition.class)
	ResponseEntity<ProblemDetail> invalidPosition(Position.InvalidPosition ex) {
		return ProblemHandling.badRequest(ex.field(), ex.problem());
	}

	record NewTransition(@NotBlank @Size(max = 100) @Pattern(regexp = FountainText.TRANSITION,
			message = FountainText.TRANSITION_MESSAGE) String text, String after, String before) {
	}

	/**
	 * A JSON merge patch of a transition: the text may change, not be cleared; naming
	 * {@code after} and/or {@code before} (a {@code null} one: no neighbour on that side)
	 * moves it.
	 */
	record TransitionChanges(
			@NotNull @Size(min = 1, max = 100) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Pattern(
					regexp = FountainText.TRANSITION, message = FountainText.TRANSITION_MESSAGE) Patch<String> text,
			Patch<String> after, Patch<String> before) {
	}

	record TransitionView(UUID id, UUID scriptId, UUID sceneId, String text, String position) {

		static TransitionView of(Transition transition) {
			return new TransitionView(transition.id(), transition.scriptId(), transition.sceneId(), transition.text(),
					transition.position());
		}
	}

}
