package io.fountain.scene.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
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
import io.fountain.problems.ProblemHandling;
import io.fountain.problems.conditional.EntityTagged;
import io.fountain.problems.conditional.EntityVersions;
import io.fountain.problems.conditional.IfMatch;
import io.fountain.problems.paging.Page;
import io.fountain.problems.paging.Paging;
import io.fountain.problems.patch.MergePatchMapping;
import io.fountain.problems.patch.Patch;
import io.fountain.scene.ActOfAnotherScript;
import io.fountain.scene.Scene;
import io.fountain.scene.SceneManagement;
import io.fountain.scene.SceneNotFound;
import io.fountain.scene.SceneRevision;
import io.fountain.scene.Scenes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The HTTP API of scenes; edge-api routes {@code /acts/{id}/scenes} and
 * {@code /scenes/{id}} here.
 */
@Tag(name = "Scenes", description = "The scenes of an act, in order; a scene may move to another act of its script")
@RestController
class SceneController {

	private final SceneManagement management;

	private final Scenes scenes;

	private final ScriptAccess access;

	private final Parents parents;

	SceneController(SceneManagement management, Scenes scenes, ScriptAccess access, Parents parents) {
		this.management = management;
		this.scenes = scenes;
		this.access = access;
		this.parents = parents;
	}

	/**
	 * The scene, when the caller may do {@code need} in its script; its 404 otherwise.
	 */
	private Scene scene(UUID id, Need need) {
		Scene scene = scenes.findById(id).orElseThrow(() -> new SceneNotFound(id));
		access.require(scene.scriptId(), need, () -> new SceneNotFound(id));
		return scene;
	}

	@Operation(operationId = "createScene", summary = "Add a scene to an act")
	@ApiResponse(responseCode = "201", description = "The new scene; Location is its address",
			headers = @Header(name = "Location", description = "/scenes/{id}", schema = @Schema(type = "string")))
	@PostMapping("/acts/{actId}/scenes")
	@EntityTagged
	ResponseEntity<SceneView> create(@PathVariable UUID actId, @Valid @RequestBody NewScene body) {
		parents.requireUnder(ParentKind.ACT, actId, Need.WRITE);
		Scene scene = management.create(actId, body.heading(), body.sceneNumber(), body.synopsis(), body.ordinal());
		return EntityVersions.created(URI.create("/scenes/" + scene.id()), scene.version()).body(SceneView.of(scene));
	}

	/** The act's scenes in order, a page at a time. */
	@Operation(operationId = "listScenesOfAct", summary = "List the scenes of an act, a page at a time")
	@GetMapping("/acts/{actId}/scenes")
	Page<SceneView> list(@PathVariable UUID actId, @ParameterObject Paging paging) {
		parents.requireUnder(ParentKind.ACT, actId, Need.READ);
		return paging.of(management.scenesOf(actId, paging.offset(), paging.size()), scenes.countByAct(actId))
			.map(SceneView::of);
	}

	/**
	 * Every scene of a script, unpaged, for the whole-play read edge-api assembles: the
	 * edge's route table does not route this path, so clients cannot reach it.
	 */
	@GetMapping("/scripts/{scriptId}/scenes")
	List<SceneView> ofScript(@PathVariable UUID scriptId) {
		access.require(scriptId, Need.READ, () -> new ParentNotFound(ParentKind.SCRIPT, scriptId));
		return scenes.findByScript(scriptId).stream().map(SceneView::of).toList();
	}

	@Operation(operationId = "getScene", summary = "Read a scene")
	@GetMapping("/scenes/{id}")
	@EntityTagged
	ResponseEntity<SceneView> get(@PathVariable UUID id) {
		Scene scene = scene(id, Need.READ);
		return EntityVersions.ok(scene.version(), SceneView.of(scene));
	}

	/**
	 * Changes heading, scene number or synopsis ({@code null} clears the optional two),
	 * and/or moves the scene: {@code actId} (another act of the same script) and
	 * {@code ordinal}. Absent fields stay.
	 */
	@Operation(operationId = "updateScene", summary = "Change a scene (JSON merge patch)")
	@MergePatchMapping("/scenes/{id}")
	@EntityTagged
	ResponseEntity<SceneView> revise(@PathVariable UUID id, @Valid @RequestBody SceneChanges body, IfMatch ifMatch) {
		scene(id, Need.WRITE);
		UUID actId = body.actId().value();
		if (actId != null) { // moving to another act: the caller must be allowed to
								// change that act's play too
			parents.requireUnder(ParentKind.ACT, actId, Need.WRITE);
		}
		Scene scene = management.revise(id,
				new SceneRevision(body.heading().value(), body.sceneNumber().named(), body.sceneNumber().value(),
						body.synopsis().named(), body.synopsis().value(), actId, body.ordinal().value()),
				ifMatch);
		return EntityVersions.ok(scene.version(), SceneView.of(scene));
	}

	@Operation(operationId = "deleteScene", summary = "Delete a scene")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@DeleteMapping("/scenes/{id}")
	@EntityTagged
	ResponseEntity<Void> delete(@PathVariable UUID id, IfMatch ifMatch) {
		scene(id, Need.WRITE);
		management.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(ActOfAnotherScript.class)
	ResponseEntity<ProblemDetail> actOfAnotherScript(ActOfAnotherScript ex) {
		ProblemDetail problem = ProblemHandling.invalidInput(ex.getMessage(),
				List.of(new ProblemHandling.FieldError("actId", "must be an act of the scene's script")));
		problem.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		return ResponseEntity.unprocessableContent().body(problem);
	}

	record NewScene(
			@NotBlank @Size(max = 300) @Pattern(regexp = FountainText.HEADING,
					message = FountainText.HEADING_MESSAGE) String heading,
			@Size(max = 20) @Pattern(regexp = FountainText.SCENE_NUMBER,
					message = FountainText.SCENE_NUMBER_MESSAGE) String sceneNumber,
			@Size(max = 2000) @Pattern(regexp = FountainText.ONE_LINE,
					message = FountainText.ONE_LINE_MESSAGE) String synopsis,
			@Min(1) @Max(100_000) Integer ordinal) {
	}

	/**
	 * A JSON merge patch of a scene: {@code null} clears the scene number or the
	 * synopsis; the heading, the act and the place may be changed, not cleared.
	 */
	record SceneChanges(
			@NotNull @Size(min = 1, max = 300) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Pattern(
					regexp = FountainText.HEADING, message = FountainText.HEADING_MESSAGE) Patch<String> heading,
			@Size(max = 20) @Pattern(regexp = FountainText.SCENE_NUMBER,
					message = FountainText.SCENE_NUMBER_MESSAGE) Patch<String> sceneNumber,
			@Size(max = 2000) @Pattern(regexp = FountainText.ONE_LINE,
					message = FountainText.ONE_LINE_MESSAGE) Patch<String> synopsis,
			@NotNull Patch<UUID> actId, @NotNull @Min(1) @Max(100_000) Patch<Integer> ordinal) {
	}

	record SceneView(UUID id, UUID scriptId, UUID actId, String heading, String sceneNumber, String synopsis,
			int ordinal) {

		static SceneView of(Scene scene) {
			return new SceneView(scene.id(), scene.scriptId(), scene.actId(), scene.heading(), scene.sceneNumber(),
					scene.synopsis(), scene.ordinal());
		}
	}

}
