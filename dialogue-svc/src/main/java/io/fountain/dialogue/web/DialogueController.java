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
import io.fountain.dialogue.Dialogue;
import io.fountain.dialogue.DialogueManagement;
import io.fountain.dialogue.DialogueNotFound;
import io.fountain.dialogue.DialogueRevision;
import io.fountain.dialogue.Dialogues;
import io.fountain.dialogue.InvalidDialogueText;
import io.fountain.dialogue.InvalidParenthetical;
import io.fountain.dialogue.Parenthetical;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The HTTP API of dialogue; edge-api routes {@code /scenes/{id}/dialogues} and
 * {@code /dialogues/{id}} here. A block carries its parentheticals; it goes at the end of
 * its scene, or between the {@code after} and {@code before} positions. Reads show the
 * speaking character's current name.
 */
@Tag(name = "Dialogue",
		description = "A scene's blocks of dialogue, each with its parentheticals, in the scene's one order of elements")
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

	/**
	 * The dialogue, when the caller may do {@code need} in its script; its 404 otherwise.
	 */
	private Dialogue dialogue(UUID id, Need need) {
		Dialogue dialogue = dialogues.findById(id).orElseThrow(() -> new DialogueNotFound(id));
		access.require(dialogue.scriptId(), need, () -> new DialogueNotFound(id));
		return dialogue;
	}

	@Operation(operationId = "createDialogue", summary = "Add a dialogue to a scene")
	@ApiResponse(responseCode = "201", description = "The new dialogue; Location is its address",
			headers = @Header(name = "Location", description = "/dialogues/{id}", schema = @Schema(type = "string")))
	@PostMapping("/scenes/{sceneId}/dialogues")
	@EntityTagged
	ResponseEntity<DialogueView> create(@PathVariable UUID sceneId, @Valid @RequestBody NewDialogue body) {
		parents.requireUnder(ParentKind.SCENE, sceneId, Need.WRITE);
		Dialogue dialogue = management.create(sceneId, body.lines(), body.after(), body.before());
		return EntityVersions.created(URI.create("/dialogues/" + dialogue.id()), dialogue.version())
			.body(view(dialogue));
	}

	/** The scene's blocks in order, a page at a time. */
	@Operation(operationId = "listDialoguesOfScene", summary = "List the dialogue blocks of a scene, a page at a time")
	@GetMapping("/scenes/{sceneId}/dialogues")
	Page<DialogueView> list(@PathVariable UUID sceneId, @ParameterObject Paging paging) {
		parents.requireUnder(ParentKind.SCENE, sceneId, Need.READ);
		return paging.of(views(management.dialogueOf(sceneId, paging.offset(), paging.size())),
				dialogues.countByScene(sceneId));
	}

	/**
	 * Every block of a script, unpaged, for the whole-play read edge-api assembles: the
	 * edge's route table does not route this path, so clients cannot reach it.
	 */
	@GetMapping("/scripts/{scriptId}/dialogues")
	List<DialogueView> ofScript(@PathVariable UUID scriptId) {
		access.require(scriptId, Need.READ, () -> new ParentNotFound(ParentKind.SCRIPT, scriptId));
		return views(dialogues.findByScript(scriptId));
	}

	@Operation(operationId = "getDialogue", summary = "Read a dialogue")
	@GetMapping("/dialogues/{id}")
	@EntityTagged
	ResponseEntity<DialogueView> get(@PathVariable UUID id) {
		Dialogue dialogue = dialogue(id, Need.READ);
		return EntityVersions.ok(dialogue.version(), view(dialogue));
	}

	/**
	 * Changes what the body names (absent fields stay); naming {@code after} and/or
	 * {@code before} moves it. The parentheticals change here, with the block: their
	 * change is a new version of it.
	 */
	@Operation(operationId = "updateDialogue", summary = "Change a dialogue (JSON merge patch)")
	@MergePatchMapping("/dialogues/{id}")
	@EntityTagged
	ResponseEntity<DialogueView> revise(@PathVariable UUID id, @Valid @RequestBody DialogueChanges body,
			IfMatch ifMatch) {
		dialogue(id, Need.WRITE);
		boolean moves = body.after().named() || body.before().named();
		Dialogue dialogue = management.revise(id, body.revision(), moves, body.after().value(), body.before().value(),
				ifMatch);
		return EntityVersions.ok(dialogue.version(), view(dialogue));
	}

	@Operation(operationId = "deleteDialogue", summary = "Delete a dialogue")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@DeleteMapping("/dialogues/{id}")
	@EntityTagged
	ResponseEntity<Void> delete(@PathVariable UUID id, IfMatch ifMatch) {
		dialogue(id, Need.WRITE);
		management.delete(id, ifMatch);
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

	/**
	 * Text Fountain could not write as dialogue with these parentheticals (it would come
	 * back as something else).
	 */
	@ExceptionHandler(InvalidDialogueText.class)
	ResponseEntity<ProblemDetail> invalidText(InvalidDialogueText ex) {
		return ProblemHandling.badRequest("text", ex.getMessage());
	}

	private DialogueView view(Dialogue dialogue) {
		return views(List.of(dialogue)).get(0);
	}

	private List<DialogueView> views(List<Dialogue> blocks) {
		Map<UUID, String> names = dialogues.characterNames(blocks);
		return blocks.stream().map(d -> DialogueView.of(d, names.get(d.characterId()))).toList();
	}

	record NewDialogue(@NotNull UUID characterId, @NotNull @Size(min = 1, max = 20_000) String text, Boolean dual,
			@Size(max = 30) @Pattern(regexp = FountainText.ONE_LINE,
					message = FountainText.ONE_LINE_MESSAGE) String extension,
			@Size(max = 50) List<@NotNull @Valid ParentheticalBody> parentheticals, String after, String before) {

		Dialogue.Lines lines() {
			return new Dialogue.Lines(characterId, text, Boolean.TRUE.equals(dual), extension,
					ParentheticalBody.all(parentheticals));
		}
	}

	/**
	 * A JSON merge patch of a dialogue block: {@code null} clears the extension or the
	 * parentheticals; the character, the text and {@code dual} may change, not be
	 * cleared. Naming {@code after} and/or {@code before} (a {@code null} one: no
	 * neighbour on that side) moves the block.
	 */
	record DialogueChanges(@NotNull Patch<UUID> characterId, @NotNull @Size(min = 1, max = 20_000) Patch<String> text,
			@NotNull Patch<Boolean> dual,
			@Size(max = 30) @Pattern(regexp = FountainText.ONE_LINE,
					message = FountainText.ONE_LINE_MESSAGE) Patch<String> extension,
			@Size(max = 50) Patch<List<@NotNull @Valid ParentheticalBody>> parentheticals, Patch<String> after,
			Patch<String> before) {

		DialogueRevision revision() {
			List<Parenthetical> items = parentheticals.named() ? ParentheticalBody.all(parentheticals.value()) : null;
			return new DialogueRevision(characterId.value(), text.value(), dual.value(), extension.named(),
					extension.value(), items);
		}
	}

	/**
	 * A parenthetical as written, without its parentheses (export adds them), standing
	 * before spoken line {@code beforeLine} (0-based); without one it stands before the
	 * first line, where a parenthetical usually goes.
	 */
	record ParentheticalBody(
			@NotBlank @Size(max = 200) @Pattern(regexp = FountainText.PARENTHETICAL,
					message = FountainText.PARENTHETICAL_MESSAGE) String text,
			@Schema(description = "The 0-based spoken line the parenthetical stands before; the block's line count "
					+ "puts it after the last line. Optional: left out (or null), it is 0, before the first line. "
					+ "A block's parentheticals are listed in the order they stand.", minimum = "0", maximum = "10000",
					defaultValue = "0") @Min(0) @Max(10_000) Integer beforeLine) {

		/**
		 * Where a parenthetical given without a position stands: before the first line.
		 */
		static final int FIRST_LINE = 0;

		static List<Parenthetical> all(List<ParentheticalBody> bodies) {
			return bodies == null ? List.of()
					: bodies.stream()
						.map(p -> Parenthetical.of(p.text(), p.beforeLine() == null ? FIRST_LINE : p.beforeLine()))
						.toList();
		}
	}

	record ParentheticalView(UUID id, String text, int beforeLine) {
	}

	record DialogueView(UUID id, UUID scriptId, UUID sceneId, UUID characterId, String characterName, String text,
			boolean dual, String extension, String position, List<ParentheticalView> parentheticals) {

		static DialogueView of(Dialogue dialogue, String characterName) {
			return new DialogueView(dialogue.id(), dialogue.scriptId(), dialogue.sceneId(), dialogue.characterId(),
					characterName, dialogue.text(), dialogue.dual(), dialogue.extension(), dialogue.position(),
					dialogue.parentheticals()
						.stream()
						.map(p -> new ParentheticalView(p.id(), p.text(), p.beforeLine()))
						.toList());
		}
	}

}
