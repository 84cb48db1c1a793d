package io.fountain.scene.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import io.fountain.parents.ParentKind;
import io.fountain.parents.ParentNotFound;
import io.fountain.positions.Position;
import io.fountain.problems.ProblemHandling;
import io.fountain.problems.conditional.EntityTagged;
import io.fountain.problems.conditional.EntityVersions;
import io.fountain.problems.conditional.IfMatch;
import io.fountain.problems.paging.Page;
import io.fountain.problems.paging.Paging;
import io.fountain.problems.patch.MergePatchMapping;
import io.fountain.problems.patch.Patch;
import io.fountain.scene.Action;
import io.fountain.scene.ActionNotFound;
import io.fountain.scene.Actions;
import io.fountain.scene.InvalidActionText;
import io.fountain.scene.Scene;
import io.fountain.scene.SceneManagement;
import io.fountain.scene.SceneNotFound;
import io.fountain.scene.Scenes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The HTTP API of actions; edge-api routes {@code /scenes/{id}/actions} and
 * {@code /actions/{id}} here. An action goes at the end of its scene, or between the
 * {@code after} and {@code before} positions of the elements around it (actions, dialogue
 * and transitions share one order within a scene).
 */
@Tag(name = "Actions",
		description = "A scene's action paragraphs (and centered text, lyrics, notes...), in the scene's one order of elements")
@RestController
class ActionController {

	private final SceneManagement management;

	private final Actions actions;

	private final ScriptAccess access;

	private final Scenes scenes;

	ActionController(SceneManagement management, Actions actions, ScriptAccess access, Scenes scenes) {
		this.management = management;
		this.actions = actions;
		this.access = access;
		this.scenes = scenes;
	}

	/**
	 * A route under a scene of this service: the scene must exist, and the caller may do
	 * {@code need} in its play.
	 */
	private void underScene(UUID sceneId, Need need) {
		Scene scene = scenes.findById(sceneId).orElseThrow(() -> new SceneNotFound(sceneId));
		access.require(scene.scriptId(), need, () -> new SceneNotFound(sceneId));
	}

	/**
	 * The action, when the caller may do {@code need} in its script; its 404 otherwise.
	 */
	private Action action(UUID id, Need need) {
		Action action = actions.findById(id).orElseThrow(() -> new ActionNotFound(id));
		access.require(action.scriptId(), need, () -> new ActionNotFound(id));
		return action;
	}

	@Operation(operationId = "createAction", summary = "Add an action to a scene")
	@ApiResponse(responseCode = "201", description = "The new action; Location is its address",
			headers = @Header(name = "Location", description = "/actions/{id}", schema = @Schema(type = "string")))
	@PostMapping("/scenes/{sceneId}/actions")
	@EntityTagged
	ResponseEntity<ActionView> create(@PathVariable UUID sceneId, @Valid @RequestBody NewAction body) {
		underScene(sceneId, Need.WRITE);
		Action action = management.addAction(sceneId, body.text(),
				body.kind() == null ? Action.Kind.PLAIN : body.kind(), body.after(), body.before());
		return EntityVersions.created(URI.create("/actions/" + action.id()), action.version())
			.body(ActionView.of(action));
	}

	/** The scene's actions in order, a page at a time. */
	@Operation(operationId = "listActionsOfScene", summary = "List the actions of a scene, a page at a time")
	@GetMapping("/scenes/{sceneId}/actions")
	Page<ActionView> list(@PathVariable UUID sceneId, @ParameterObject Paging paging) {
		underScene(sceneId, Need.READ);
		return paging.of(management.actionsOf(sceneId, paging.offset(), paging.size()), actions.countByScene(sceneId))
			.map(ActionView::of);
	}

	/**
	 * Every action of a script, unpaged, for the whole-play read edge-api assembles: the
	 * edge's route table does not route this path, so clients cannot reach it.
	 */
	@GetMapping("/scripts/{scriptId}/actions")
	List<ActionView> ofScript(@PathVariable UUID scriptId) {
		access.require(scriptId, Need.READ, () -> new ParentNotFound(ParentKind.SCRIPT, scriptId));
		return actions.findByScript(scriptId).stream().map(ActionView::of).toList();
	}

	@Operation(operationId = "getAction", summary = "Read an action")
	@GetMapping("/actions/{id}")
	@EntityTagged
	ResponseEntity<ActionView> get(@PathVariable UUID id) {
		Action action = action(id, Need.READ);
		return EntityVersions.ok(action.version(), ActionView.of(action));
	}

	/**
	 * Changes text or kind; naming {@code after} and/or {@code before} moves it there.
	 * Absent fields stay.
	 */
	@Operation(operationId = "updateAction", summary = "Change an action (JSON merge patch)")
	@MergePatchMapping("/actions/{id}")
	@EntityTagged
	ResponseEntity<ActionView> revise(@PathVariable UUID id, @Valid @RequestBody ActionChanges body, IfMatch ifMatch) {
		action(id, Need.WRITE);
		boolean moves = body.after().named() || body.before().named();
		Action action = management.reviseAction(id, body.text().value(), body.kind().value(), moves,
				body.after().value(), body.before().value(), ifMatch);
		return EntityVersions.ok(action.version(), ActionView.of(action));
	}

	@Operation(operationId = "deleteAction", summary = "Delete an action")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@DeleteMapping("/actions/{id}")
	@EntityTagged
	ResponseEntity<Void> delete(@PathVariable UUID id, IfMatch ifMatch) {
		action(id, Need.WRITE);
		management.deleteAction(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(Position.InvalidPosition.class)
	ResponseEntity<ProblemDetail> invalidPosition(Position.InvalidPosition ex) {
		return ProblemHandling.badRequest(ex.field(), ex.problem());
	}

	/**
	 * Text Fountain cannot write as this kind of action (it would come back as something
	 * else).
	 */
	@ExceptionHandler(InvalidActionText.class)
	ResponseEntity<ProblemDetail> invalidText(InvalidActionText ex) {
		return ProblemHandling.badRequest(ex.field(), ex.getMessage());
	}

	record NewAction(@NotNull @Size(min = 1, max = 20_000) String text, Action.Kind kind, String after, String before) {
	}

	/**
	 * A JSON merge patch of an action: text and kind may be changed, not cleared; naming
	 * {@code after} and/or {@code before} (a {@code null} one: no neighbour on that side)
	 * moves it.
	 */
	record ActionChanges(@NotNull @Size(min = 1, max = 20_000) Patch<String> text, @NotNull Patch<Action.Kind> kind,
			Patch<String> after, Patch<String> before) {
	}

	record ActionView(UUID id, UUID scriptId, UUID sceneId, String text, Action.Kind kind, String position) {

		static ActionView of(Action action) {
			return new ActionView(action.id(), action.scriptId(), action.sceneId(), action.text(), action.kind(),
					action.position());
		}
	}

}
