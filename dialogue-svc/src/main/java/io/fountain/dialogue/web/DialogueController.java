package io.fountain.dialogue.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import io.fountain.dialogue.CharacterOfAnotherScript;
import io.fountain.dialogue.Dialogue;
import io.fountain.dialogue.DialogueManagement;
import io.fountain.dialogue.DialogueNotFound;
import io.fountain.dialogue.Dialogues;
import io.fountain.dialogue.InvalidParenthetical;
import io.fountain.dialogue.Parenthetical;
import io.fountain.positions.Position;
import io.fountain.problems.ProblemHandling;

/**
 * The HTTP API of dialogue; edge-api routes {@code /scenes/{id}/dialogues} and {@code /dialogues/{id}} here. A block
 * carries its parentheticals; it goes at the end of its scene, or between the {@code after} and {@code before}
 * positions. Reads show the speaking character's current name.
 */
@RestController
class DialogueController {

	private final DialogueManagement management;

	private final Dialogues dialogues;

	private final ScriptAccess access;

	private final Parents parents;

	DialogueController(DialogueManagement management, Dialogues dialogues, ScriptAccess access, Parents parents) {
		this.management = management;
		this.dialogues = dialogues;
		this.access = access;
		this.parents = parents;
	}

	/** The dialogue, when the caller may do {@code need} in its script; its 404 otherwise. */
	private Dialogue dialogue(UUID id, Need need) {
		Dialogue dialogue = dialogues.findById(id).orElseThrow(() -> new DialogueNotFound(id));
		access.require(dialogue.scriptId(), need, () -> new DialogueNotFound(id));
		return dialogue;
	}

	@PostMapping("/scenes/{sceneId}/dialogues")
	ResponseEntity<DialogueView> create(@PathVariable UUID sceneId, @Valid @RequestBody DialogueBody body) {
		access.requireUnder(parents, "scene", sceneId, Need.WRITE);
		Dialogue dialogue = management.create(sceneId, body.lines(), body.after(), body.before());
		return ResponseEntity.created(URI.create("/dialogues/" + dialogue.id())).body(view(dialogue));
	}

	@GetMapping("/scenes/{sceneId}/dialogues")
	List<DialogueView> list(@PathVariable UUID sceneId) {
		access.requireUnder(parents, "scene", sceneId, Need.READ);
		return views(management.dialogueOf(sceneId));
	}

	/** Every block of a script, for the whole-play read edge-api assembles (not routed to clients directly). */
	@GetMapping("/scripts/{scriptId}/dialogues")
	List<DialogueView> ofScript(@PathVariable UUID scriptId) {
		access.require(scriptId, Need.READ, () -> new ParentNotFound("script", scriptId));
		return views(dialogues.findByScript(scriptId));
	}

	@GetMapping("/dialogues/{id}")
	DialogueView get(@PathVariable UUID id) {
		return view(dialogue(id, Need.READ));
	}

	/**
	 * Replaces the block's content (the body is the whole block, as for creation); naming {@code after} and/or
	 * {@code before} also moves it.
	 */
	@PatchMapping("/dialogues/{id}")
	DialogueView revise(@PathVariable UUID id, @Valid @RequestBody DialogueBody body) {
		dialogue(id, Need.WRITE);
		boolean moves = body.after() != null || body.before() != null;
		return view(management.revise(id, body.lines(), moves, body.after(), body.before()));
	}

	@DeleteMapping("/dialogues/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		dialogue(id, Need.WRITE);
		management.delete(id);
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(Position.InvalidPosition.class)
	ResponseEntity<ProblemDetail> invalidPosition(Position.InvalidPosition ex) {
		return ProblemHandling.badRequest(ex.field(), ex.problem());
	}

	@ExceptionHandler(InvalidParenthetical.class)
	ResponseEntity<ProblemDetail> invalidParenthetical(InvalidParenthetical ex) {
		return ProblemHandling.badRequest("parentheticals[" + ex.index() + "].beforeLine", ex.getMessage());
	}

	@ExceptionHandler(CharacterOfAnotherScript.class)
	ResponseEntity<ProblemDetail> characterOfAnotherScript(CharacterOfAnotherScript ex) {
		ProblemDetail problem = ProblemHandling.invalidInput(ex.getMessage(),
				List.of(new ProblemHandling.FieldError("characterId", "must be a character of the scene's script")));
		problem.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		return ResponseEntity.unprocessableContent().body(problem);
	}

	private DialogueView view(Dialogue dialogue) {
		return views(List.of(dialogue)).get(0);
	}

	private List<DialogueView> views(List<Dialogue> blocks) {
		Map<UUID, String> names = dialogues.characterNames(blocks);
		return blocks.stream().map(d -> DialogueView.of(d, names.get(d.characterId()))).toList();
	}

	record DialogueBody(@NotNull UUID characterId, @NotNull @Size(min = 1, max = 20_000) String text, Boolean dual,
			@Size(max = 30) String extension, @Size(max = 50) List<@Valid ParentheticalBody> parentheticals,
			String after, String before) {

		Dialogue.Lines lines() {
			List<Parenthetical> items = parentheticals == null ? List.of()
					: parentheticals.stream().map(p -> Parenthetical.of(p.text(), p.beforeLine())).toList();
			return new Dialogue.Lines(characterId, text, Boolean.TRUE.equals(dual), extension, items);
		}
	}

	record ParentheticalBody(@NotBlank @Size(max = 200) String text, @NotNull @Min(0) @Max(10_000) Integer beforeLine) {
	}

	record ParentheticalView(UUID id, String text, int beforeLine) {
	}

	record DialogueView(UUID id, UUID scriptId, UUID sceneId, UUID characterId, String characterName, String text,
			boolean dual, String extension, String position, List<ParentheticalView> parentheticals) {

		static DialogueView of(Dialogue dialogue, String characterName) {
			return new DialogueView(dialogue.id(), dialogue.scriptId(), dialogue.sceneId(), dialogue.characterId(),
					characterName, dialogue.text(), dialogue.dual(), dialogue.extension(), dialogue.position(),
					dialogue.parentheticals().stream()
						.map(p -> new ParentheticalView(p.id(), p.text(), p.beforeLine()))
						.toList());
		}
	}
}
