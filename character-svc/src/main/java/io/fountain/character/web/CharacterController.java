package io.fountain.character.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
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
import io.fountain.character.Character;
import io.fountain.character.CharacterManagement;
import io.fountain.character.CharacterNotFound;
import io.fountain.character.Characters;
import io.fountain.character.NameTaken;
import io.fountain.format.FountainText;
import io.fountain.parents.ParentKind;
import io.fountain.parents.ParentNotFound;
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
 * The HTTP API of characters; edge-api routes {@code /scripts/{id}/characters} and
 * {@code /characters/**} here.
 */
@Tag(name = "Characters", description = "The cast of a script")
@RestController
class CharacterController {

	private final CharacterManagement management;

	private final Characters characters;

	private final ScriptAccess access;

	CharacterController(CharacterManagement management, Characters characters, ScriptAccess access) {
		this.management = management;
		this.characters = characters;
		this.access = access;
	}

	/**
	 * The character, when the caller may do {@code need} in its script; its 404
	 * otherwise.
	 */
	private Character character(UUID id, Need need) {
		Character character = characters.findById(id).orElseThrow(() -> new CharacterNotFound(id));
		access.require(character.scriptId(), need, () -> new CharacterNotFound(id));
		return character;
	}

	@Operation(operationId = "createCharacter", summary = "Add a character to a script")
	@ApiResponse(responseCode = "201", description = "The new character; Location is its address",
			headers = @Header(name = "Location", description = "/characters/{id}", schema = @Schema(type = "string")))
	@PostMapping("/scripts/{scriptId}/characters")
	@EntityTagged
	ResponseEntity<CharacterView> create(@PathVariable UUID scriptId, @Valid @RequestBody NewCharacter body) {
		access.require(scriptId, Need.WRITE, () -> new ParentNotFound(ParentKind.SCRIPT, scriptId));
		Character created = management.create(scriptId, body.name(), body.description());
		return EntityVersions.created(URI.create("/characters/" + created.id()), created.version())
			.body(CharacterView.of(created));
	}

	/** The script's cast by name, a page at a time. */
	@Operation(operationId = "listCharactersOfScript", summary = "List the characters of a script, a page at a time")
	@GetMapping("/scripts/{scriptId}/characters")
	Page<CharacterView> list(@PathVariable UUID scriptId, @ParameterObject Paging paging) {
		access.require(scriptId, Need.READ, () -> new ParentNotFound(ParentKind.SCRIPT, scriptId));
		return paging
			.of(management.castOf(scriptId, paging.offset(), paging.size()), characters.countByScript(scriptId))
			.map(CharacterView::of);
	}

	@Operation(operationId = "getCharacter", summary = "Read a character")
	@GetMapping("/characters/{id}")
	@EntityTagged
	ResponseEntity<CharacterView> get(@PathVariable UUID id) {
		Character character = character(id, Need.READ);
		return EntityVersions.ok(character.version(), CharacterView.of(character));
	}

	/**
	 * Rename ({@code "name"}) and/or set the description ({@code null} clears it); absent
	 * fields stay.
	 */
	@Operation(operationId = "updateCharacter", summary = "Change a character (JSON merge patch)")
	@MergePatchMapping("/characters/{id}")
	@EntityTagged
	ResponseEntity<CharacterView> revise(@PathVariable UUID id, @Valid @RequestBody CharacterChanges body,
			IfMatch ifMatch) {
		character(id, Need.WRITE);
		Character character = management.revise(id, body.name().value(), body.description().named(),
				body.description().value(), ifMatch);
		return EntityVersions.ok(character.version(), CharacterView.of(character));
	}

	@Operation(operationId = "deleteCharacter", summary = "Delete a character")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@DeleteMapping("/characters/{id}")
	@EntityTagged
	ResponseEntity<Void> delete(@PathVariable UUID id, IfMatch ifMatch) {
		character(id, Need.WRITE);
		management.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(NameTaken.class)
	ResponseEntity<ProblemDetail> nameTaken(NameTaken ex) {
		ProblemDetail problem = ProblemHandling.invalidInput(ex.getMessage(),
				List.of(new ProblemHandling.FieldError("name", "is taken in this script")));
		problem.setStatus(HttpStatus.CONFLICT);
		problem.setTitle("Name taken");
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	record NewCharacter(@NotBlank @Size(max = 100) @Pattern(regexp = FountainText.CHARACTER,
			message = FountainText.CHARACTER_MESSAGE) String name, @Size(max = 2000) String description) {
	}

	/**
	 * A JSON merge patch of a character: {@code null} clears the description; the name
	 * may change, not be cleared.
	 */
	record CharacterChanges(
			@NotNull @Size(min = 1, max = 100) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Pattern(
					regexp = FountainText.CHARACTER, message = FountainText.CHARACTER_MESSAGE) Patch<String> name,
			@Size(max = 2000) Patch<String> description) {
	}

	record CharacterView(UUID id, UUID scriptId, String name, String description) {

		static CharacterView of(Character character) {
			return new CharacterView(character.id(), character.scriptId(), character.name(), character.description());
		}
	}

}
