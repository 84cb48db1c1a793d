package io.fountain.scene.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.fountain.eventing.access.Need;
import io.fountain.eventing.access.ScriptAccess;
import io.fountain.eventing.parents.Parents;
import io.fountain.eventing.parents.ParentNotFound;
import io.fountain.problems.ProblemHandling;
import io.fountain.scene.ActOfAnotherScript;
import io.fountain.scene.Scene;
import io.fountain.scene.SceneManagement;
import io.fountain.scene.SceneNotFound;
import io.fountain.scene.SceneRevision;
import io.fountain.scene.Scenes;

/** The HTTP API of scenes; edge-api routes {@code /acts/{id}/scenes} and {@code /scenes/{id}} here. */
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

	/** The scene, when the caller may do {@code need} in its script; its 404 otherwise. */
	private Scene scene(UUID id, Need need) {
		Scene scene = scenes.findById(id).orElseThrow(() -> new SceneNotFound(id));
		access.require(scene.scriptId(), need, () -> new SceneNotFound(id));
		return scene;
	}

	@PostMapping("/acts/{actId}/scenes")
	ResponseEntity<SceneView> create(@PathVariable UUID actId, @Valid @RequestBody NewScene body) {
		access.requireUnder(parents, "act", actId, Need.WRITE);
		Scene scene = management.create(actId, body.heading(), body.sceneNumber(), body.synopsis(), body.ordinal());
		return ResponseEntity.created(URI.create("/scenes/" + scene.id())).body(SceneView.of(scene));
	}

	@GetMapping("/acts/{actId}/scenes")
	List<SceneView> list(@PathVariable UUID actId) {
		access.requireUnder(parents, "act", actId, Need.READ);
		return management.scenesOf(actId).stream().map(SceneView::of).toList();
	}

	/** Every scene of a script, for the whole-play read edge-api assembles (not routed to clients directly). */
	@GetMapping("/scripts/{scriptId}/scenes")
	List<SceneView> ofScript(@PathVariable UUID scriptId) {
		access.require(scriptId, Need.READ, () -> new ParentNotFound("script", scriptId));
		return scenes.findByScript(scriptId).stream().map(SceneView::of).toList();
	}

	@GetMapping("/scenes/{id}")
	SceneView get(@PathVariable UUID id) {
		return SceneView.of(scene(id, Need.READ));
	}

	/**
	 * Changes heading, scene number or synopsis ({@code null} clears the optional two), and/or moves the scene:
	 * {@code actId} (another act of the same script) and {@code ordinal}. Absent fields stay.
	 */
	@PatchMapping("/scenes/{id}")
	SceneView revise(@PathVariable UUID id, @Valid @RequestBody SceneChanges body) {
		scene(id, Need.WRITE);
		if (body.actId != null) { // moving to another act: the caller must be allowed to change that act's play too
			access.requireUnder(parents, "act", body.actId, Need.WRITE);
		}
		Scene scene = management.revise(id, new SceneRevision(body.heading, body.sceneNumberNamed, body.sceneNumber,
				body.synopsisNamed, body.synopsis, body.actId, body.ordinal));
		return SceneView.of(scene);
	}

	@DeleteMapping("/scenes/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		scene(id, Need.WRITE);
		management.delete(id);
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(ActOfAnotherScript.class)
	ResponseEntity<ProblemDetail> actOfAnotherScript(ActOfAnotherScript ex) {
		ProblemDetail problem = ProblemHandling.invalidInput(ex.getMessage(),
				List.of(new ProblemHandling.FieldError("actId", "must be an act of the scene's script")));
		problem.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		return ResponseEntity.unprocessableContent().body(problem);
	}

	record NewScene(@NotBlank @Size(max = 300) String heading, @Size(max = 20) String sceneNumber,
			@Size(max = 2000) String synopsis, @Min(1) @Max(100_000) Integer ordinal) {
	}

	/** A partial update; setters record which optional fields were named, so that {@code null} can clear them. */
	static final class SceneChanges {

		@Size(min = 1, max = 300)
		@Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
		private String heading;

		@Size(max = 20)
		private String sceneNumber;

		private boolean sceneNumberNamed;

		@Size(max = 2000)
		private String synopsis;

		private boolean synopsisNamed;

		private UUID actId;

		@Min(1)
		@Max(100_000)
		private Integer ordinal;

		public void setHeading(String heading) {
			this.heading = heading;
		}

		public void setSceneNumber(String sceneNumber) {
			this.sceneNumber = sceneNumber;
			this.sceneNumberNamed = true;
		}

		public void setSynopsis(String synopsis) {
			this.synopsis = synopsis;
			this.synopsisNamed = true;
		}

		public void setActId(UUID actId) {
			this.actId = actId;
		}

		public void setOrdinal(Integer ordinal) {
			this.ordinal = ordinal;
		}
	}

	record SceneView(UUID id, UUID scriptId, UUID actId, String heading, String sceneNumber, String synopsis,
			int ordinal) {

		static SceneView of(Scene scene) {
			return new SceneView(scene.id(), scene.scriptId(), scene.actId(), scene.heading(), scene.sceneNumber(),
					scene.synopsis(), scene.ordinal());
		}
	}
}
