package io.fountain.character.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
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
import io.fountain.eventing.parents.ParentNotFound;
import io.fountain.character.Character;
import io.fountain.character.CharacterManagement;
import io.fountain.character.CharacterNotFound;
import io.fountain.character.Characters;
import io.fountain.character.NameTaken;
import io.fountain.problems.ProblemHandling;

/** The HTTP API of characters; edge-api routes {@code /scripts/{id}/characters} and {@code /characters/**} here. */
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

	/** The character, when the caller may do {@code need} in its script; its 404 otherwise. */
	private Character character(UUID id, Need need) {
		Character character = characters.findById(id).orElseThrow(() -> new CharacterNotFound(id));
		access.require(character.scriptId(), need, () -> new CharacterNotFound(id));
		return character;
	}

	@PostMapping("/scripts/{scriptId}/characters")
	ResponseEntity<CharacterView> create(@PathVariable UUID scriptId, @Valid @RequestBody NewCharacter body) {
		access.require(scriptId, Need.WRITE, () -> new ParentNotFound("script", scriptId));
		Character created = management.create(scriptId, body.name(), body.description());
		return ResponseEntity.created(URI.create("/characters/" + created.id())).body(CharacterView.of(created));
	}

	@GetMapping("/scripts/{scriptId}/characters")
	List<CharacterView> list(@PathVariable UUID scriptId) {
		access.require(scriptId, Need.READ, () -> new ParentNotFound("script", scriptId));
		return management.castOf(scriptId).stream().map(CharacterView::of).toList();
	}

	@GetMapping("/characters/{id}")
	CharacterView get(@PathVariable UUID id) {
		return CharacterView.of(character(id, Need.READ));
	}

	/** Rename ({@code "name"}) and/or set the description ({@code null} clears it); absent fields stay. */
	@PatchMapping("/characters/{id}")
	CharacterView revise(@PathVariable UUID id, @Valid @RequestBody CharacterChanges body) {
		character(id, Need.WRITE);
		return CharacterView.of(management.revise(id, body.name, body.descriptionNamed, body.description));
	}

	@DeleteMapping("/characters/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		character(id, Need.WRITE);
		management.delete(id);
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

	record NewCharacter(@NotBlank @Size(max = 100) String name, @Size(max = 2000) String description) {
	}

	/** A partial update; the setter records whether the description was named, so that {@code null} clears it. */
	static final class CharacterChanges {

		@Size(min = 1, max = 100)
		@Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
		private String name;

		@Size(max = 2000)
		private String description;

		private boolean descriptionNamed;

		public void setName(String name) {
			this.name = name;
		}

		public void setDescription(String description) {
			this.description = description;
			this.descriptionNamed = true;
		}
	}

	record CharacterView(UUID id, UUID scriptId, String name, String description) {

		static CharacterView of(Character character) {
			return new CharacterView(character.id(), character.scriptId(), character.name(), character.description());
		}
	}
}
