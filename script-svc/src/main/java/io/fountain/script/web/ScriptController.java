package io.fountain.script.web;

import java.net.URI;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.fountain.eventing.EventContext;
import io.fountain.eventing.access.Need;
import io.fountain.eventing.access.ScriptAccess;
import io.fountain.script.Script;
import io.fountain.script.ScriptManagement;
import io.fountain.script.ScriptNotFound;
import io.fountain.script.ScriptRevision;
import io.fountain.script.Scripts;
import io.fountain.script.TitlePage;
import io.fountain.script.play.PlayProgress;

/** The HTTP API of scripts; edge-api routes {@code /scripts} and {@code /scripts/{id}} here. */
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

	@PostMapping
	ResponseEntity<ScriptView> create(@Valid @RequestBody NewScript body) {
		Script script = plays.createScript(EventContext.current().actor(), body.title(), body.titlePage());
		return ResponseEntity.created(URI.create("/scripts/" + script.id())).body(ScriptView.of(script));
	}

	/** The scripts the caller owns or collaborates on, newest first. */
	@GetMapping
	ScriptPage list(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		String user = EventContext.current().actor();
		List<ScriptView> items = scripts.findVisibleTo(user, page * size, size).stream().map(ScriptView::of).toList();
		return new ScriptPage(items, page, size, scripts.countVisibleTo(user));
	}

	@GetMapping("/{id}")
	ScriptView get(@PathVariable UUID id) {
		access.require(id, Need.READ, () -> new ScriptNotFound(id));
		return scripts.findById(id).map(ScriptView::of).orElseThrow(() -> new ScriptNotFound(id));
	}

	@PatchMapping("/{id}")
	ScriptView revise(@PathVariable UUID id, @Valid @RequestBody ScriptChanges body) {
		access.require(id, Need.WRITE, () -> new ScriptNotFound(id));
		return ScriptView.of(management.revise(id, body::applyTo));
	}

	/** Accepted, not done: everything under the script is deleted by cascade after this answers. */
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		access.require(id, Need.OWN, () -> new ScriptNotFound(id));
		plays.requestDeletion(id);
		return ResponseEntity.accepted().header(HttpHeaders.LOCATION, "/scripts/" + id + "/status").build();
	}

	@ExceptionHandler(ScriptNotFound.class)
	ResponseEntity<ProblemDetail> notFound(ScriptNotFound ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Script not found");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	record NewScript(@NotBlank @Size(max = 300) String title, @Size(max = 200) String credit,
			@Size(max = 20) List<@NotBlank @Size(max = 200) String> authors, @Size(max = 1000) String source,
			@Size(max = 100) String draftDate, @Size(max = 1000) String contact) {

		TitlePage titlePage() {
			return new TitlePage(credit, authors, source, draftDate, contact);
		}
	}

	/**
	 * A partial update (JSON merge patch): an absent field is left as it is; {@code null} clears an optional field.
	 * The title cannot be cleared. Setters record which fields the body named.
	 */
	static final class ScriptChanges {

		private final Set<String> named = new HashSet<>();

		@Size(min = 1, max = 300)
		@Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
		private String title;

		@Size(max = 200)
		private String credit;

		@Size(max = 20)
		private List<@NotBlank @Size(max = 200) String> authors;

		@Size(max = 1000)
		private String source;

		@Size(max = 100)
		private String draftDate;

		@Size(max = 1000)
		private String contact;

		public void setTitle(String title) {
			this.title = title;
			named.add("title");
		}

		public void setCredit(String credit) {
			this.credit = credit;
			named.add("credit");
		}

		public void setAuthors(List<String> authors) {
			this.authors = authors;
			named.add("authors");
		}

		public void setSource(String source) {
			this.source = source;
			named.add("source");
		}

		public void setDraftDate(String draftDate) {
			this.draftDate = draftDate;
			named.add("draftDate");
		}

		public void setContact(String contact) {
			this.contact = contact;
			named.add("contact");
		}

		ScriptRevision applyTo(Script current) {
			TitlePage was = current.titlePage();
			TitlePage page = new TitlePage(or("credit", credit, was.credit()),
					or("authors", authors, was.authors()), or("source", source, was.source()),
					or("draftDate", draftDate, was.draftDate()), or("contact", contact, was.contact()));
			return new ScriptRevision(title, page);
		}

		private <T> T or(String field, T change, T current) {
			return named.contains(field) ? change : current;
		}
	}

	/** A script; {@code status} PENDING while its play is being imported (see /scripts/{id}/status). */
	record ScriptView(UUID id, String owner, String title, String credit, List<String> authors, String source,
			String draftDate, String contact, List<TitlePage.TitleEntry> otherEntries, Script.Status status) {

		static ScriptView of(Script script) {
			TitlePage page = script.titlePage();
			return new ScriptView(script.id(), script.owner(), script.title(), page.credit(), page.authors(),
					page.source(), page.draftDate(), page.contact(), page.otherEntries(), script.status());
		}
	}

	record ScriptPage(List<ScriptView> items, int page, int size, long total) {
	}
}
