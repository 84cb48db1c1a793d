package io.fountain.script.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.fountain.eventing.EventContext;
import io.fountain.access.Need;
import io.fountain.access.ScriptAccess;
import io.fountain.format.FountainText;
import io.fountain.problems.conditional.EntityTagged;
import io.fountain.problems.conditional.EntityVersions;
import io.fountain.problems.conditional.IfMatch;
import io.fountain.problems.paging.Page;
import io.fountain.problems.paging.Paging;
import io.fountain.problems.patch.MergePatchMapping;
import io.fountain.problems.patch.Patch;
import io.fountain.script.Script;
import io.fountain.script.ScriptManagement;
import io.fountain.script.ScriptNotFound;
import io.fountain.script.ScriptRevision;
import io.fountain.script.Scripts;
import io.fountain.script.TitlePage;
import io.fountain.script.play.PlayProgress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The HTTP API of scripts; edge-api routes {@code /scripts} and {@code /scripts/{id}}
 * here.
 */
@Tag(name = "Scripts",
		description = "Scripts (plays) and their title pages; a script's deletion takes everything under it")
@RestController
@RequestMapping("/scripts")
class ScriptController {

	private final ScriptManagement management;

	private final PlayProgress plays;

	private final Scripts scripts;

	private final ScriptAccess access;

	ScriptController(ScriptManagement management, PlayProgress plays, Scripts scripts, ScriptAccess access) {
		this.management = management;
		this.plays = plays;
		this.scripts = scripts;
		this.access = access;
	}

	@Operation(operationId = "createScript", summary = "Create a script, owned by the caller")
	@ApiResponse(responseCode = "201", description = "The new script; Location is its address",
			headers = @Header(name = "Location", description = "/scripts/{id}", schema = @Schema(type = "string")))
	@PostMapping
	@EntityTagged
	ResponseEntity<ScriptView> create(@Valid @RequestBody NewScript body) {
		Script script = plays.createScript(EventContext.current().actor(), body.title(), body.titlePage());
		return EntityVersions.created(URI.create("/scripts/" + script.id()), script.version())
			.body(ScriptView.of(script));
	}

	/** The scripts the caller owns or collaborates on, newest first, a page at a time. */
	@Operation(operationId = "listScripts",
			summary = "List the scripts the caller owns or collaborates on, newest first, a page at a time")
	@GetMapping
	Page<ScriptView> list(@ParameterObject Paging paging) {
		String user = EventContext.current().actor();
		return paging.of(scripts.findVisibleTo(user, paging.offset(), paging.size()), scripts.countVisibleTo(user))
			.map(ScriptView::of);
	}

	@Operation(operationId = "getScript",
			summary = "Read a script's title page (Accept: text/x-fountain: the whole play as Fountain)")
	@GetMapping("/{id}")
	@EntityTagged
	ResponseEntity<ScriptView> get(@PathVariable UUID id) {
		access.require(id, Need.READ, () -> new ScriptNotFound(id));
		Script script = scripts.findById(id).orElseThrow(() -> new ScriptNotFound(id));
		return EntityVersions.ok(script.version(), ScriptView.of(script));
	}

	@Operation(operationId = "updateScript", summary = "Change a script's title page (JSON merge patch)")
	@MergePatchMapping("/{id}")
	@EntityTagged
	ResponseEntity<ScriptView> revise(@PathVariable UUID id, @Valid @RequestBody ScriptChanges body, IfMatch ifMatch) {
		access.require(id, Need.WRITE, () -> new ScriptNotFound(id));
		Script script = management.revise(id, body::applyTo, ifMatch);
		return EntityVersions.ok(script.version(), ScriptView.of(script));
	}

	/**
	 * Accepted, not done: everything under the script is deleted by cascade after this
	 * answers.
	 */
	@Operation(operationId = "deleteScript", summary = "Delete a script and, by cascade, everything under it")
	@ApiResponse(responseCode = "202", description = "Accepted: the cascade runs on; Location follows it",
			headers = @Header(name = "Location", description = "/scripts/{id}/status",
					schema = @Schema(type = "string")))
	@DeleteMapping("/{id}")
	@EntityTagged
	ResponseEntity<Void> delete(@PathVariable UUID id, IfMatch ifMatch) {
		access.require(id, Need.OWN, () -> new ScriptNotFound(id));
		plays.requestDeletion(id, ifMatch);
		return ResponseEntity.accepted().header(HttpHeaders.LOCATION, "/scripts/" + id + "/status").build();
	}

	@ExceptionHandler(ScriptNotFound.class)
	ResponseEntity<ProblemDetail> notFound(ScriptNotFound ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Script not found");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	record NewScript(
			@NotBlank @Size(max = 300) @Pattern(regexp = FountainText.TITLE_PAGE_VALUE,
					message = FountainText.TITLE_PAGE_VALUE_MESSAGE) String title,
			@Size(max = 200) @Pattern(regexp = FountainText.TITLE_PAGE_VALUE,
					message = FountainText.TITLE_PAGE_VALUE_MESSAGE) String credit,
			@Size(max = 20) List<@NotBlank @Size(max = 200) @Pattern(regexp = FountainText.ONE_LINE,
					message = FountainText.ONE_LINE_MESSAGE) @Pattern(regexp = FountainText.TITLE_PAGE_VALUE,
							message = FountainText.TITLE_PAGE_VALUE_MESSAGE) String> authors,
			@Size(max = 1000) @Pattern(regexp = FountainText.TITLE_PAGE_VALUE,
					message = FountainText.TITLE_PAGE_VALUE_MESSAGE) String source,
			@Size(max = 100) @Pattern(regexp = FountainText.TITLE_PAGE_VALUE,
					message = FountainText.TITLE_PAGE_VALUE_MESSAGE) String draftDate,
			@Size(max = 1000) @Pattern(regexp = FountainText.TITLE_PAGE_VALUE,
					message = FountainText.TITLE_PAGE_VALUE_MESSAGE) String contact) {

		TitlePage titlePage() {
			return new TitlePage(credit, authors, source, draftDate, contact);
		}
	}

	/**
	 * A JSON merge patch of a script: an absent field is left as it is; {@code null}
	 * clears an optional field (the authors: none). The title may change, not be cleared.
	 */
	record ScriptChanges(
			@NotNull @Size(min = 1, max = 300) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Pattern(
					regexp = FountainText.TITLE_PAGE_VALUE,
					message = FountainText.TITLE_PAGE_VALUE_MESSAGE) Patch<String> title,
			@Size(max = 200) @Pattern(regexp = FountainText.TITLE_PAGE_VALUE,
					message = FountainText.TITLE_PAGE_VALUE_MESSAGE) Patch<String> credit,
			@Size(max = 20) Patch<List<@NotBlank @Size(max = 200) @Pattern(regexp = FountainText.ONE_LINE,
					message = FountainText.ONE_LINE_MESSAGE) @Pattern(regexp = FountainText.TITLE_PAGE_VALUE,
							message = FountainText.TITLE_PAGE_VALUE_MESSAGE) String>> authors,
			@Size(max = 1000) @Pattern(regexp = FountainText.TITLE_PAGE_VALUE,
					message = FountainText.TITLE_PAGE_VALUE_MESSAGE) Patch<String> source,
			@Size(max = 100) @Pattern(regexp = FountainText.TITLE_PAGE_VALUE,
					message = FountainText.TITLE_PAGE_VALUE_MESSAGE) Patch<String> draftDate,
			@Size(max = 1000) @Pattern(regexp = FountainText.TITLE_PAGE_VALUE,
					message = FountainText.TITLE_PAGE_VALUE_MESSAGE) Patch<String> contact) {

		/** The revision, worked out from the script as it is under the lock. */
		ScriptRevision applyTo(Script current) {
			TitlePage was = current.titlePage();
			return new ScriptRevision(title.value(),
					new TitlePage(credit.merged(was.credit()), authors.merged(was.authors()),
							source.merged(was.source()), draftDate.merged(was.draftDate()),
							contact.merged(was.contact())));
		}
	}

	/**
	 * A script; {@code status} PENDING while its play is being imported (see
	 * /scripts/{id}/status); {@code titlePageIndent}: how an imported screenplay indented
	 * title page values of several lines (a tab, or spaces), which export keeps; null for
	 * four spaces.
	 */
	record ScriptView(UUID id, String owner, String title, String credit, List<String> authors, String source,
			String draftDate, String contact, List<TitlePage.TitleEntry> otherEntries, Script.Status status,
			String titlePageIndent) {

		static ScriptView of(Script script) {
			TitlePage page = script.titlePage();
			return new ScriptView(script.id(), script.owner(), script.title(), page.credit(), page.authors(),
					page.source(), page.draftDate(), page.contact(), page.otherEntries(), script.status(),
					page.indent());
		}
	}

}
