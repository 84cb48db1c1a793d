package io.fountain.script.web;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.fountain.access.Need;
import io.fountain.access.ScriptAccess;
import io.fountain.callers.Caller;
import io.fountain.eventing.EventContext;
import io.fountain.format.FountainReader;
import io.fountain.format.FountainText;
import io.fountain.format.PlayDocument;
import io.fountain.imports.ClaimCheckReader;
import io.fountain.problems.ProblemHandling;
import io.fountain.problems.TextRule;
import io.fountain.script.ScriptNotFound;
import io.fountain.script.play.ClaimCheck;
import io.fountain.script.play.InvalidPlay;
import io.fountain.script.play.PlayIntake;
import io.fountain.script.play.PlayProgress;
import io.fountain.script.play.ProgressReport;
import io.fountain.script.play.PlaySettings;
import io.fountain.script.play.PlayState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Whole plays: {@code POST /plays} (JSON or a Fountain document) answers 202 with the
 * script's Location while the services make its parts; {@code GET /scripts/{id}/status}
 * follows that, and any deletion. {@code GET /imports/{importId}/...} serves the parts to
 * the services that make them (not routed by the edge).
 */
@Tag(name = "Plays", description = "Whole plays: created in one command, followed to the end, read in one")
@RestController
class PlayController {

	static final String FOUNTAIN = "text/x-fountain";

	private final PlayIntake intake;

	private final PlayProgress progress;

	private final ClaimCheck claimCheck;

	private final long maxDocumentSize;

	private final ScriptAccess access;

	PlayController(PlayIntake intake, PlayProgress progress, ClaimCheck claimCheck, PlaySettings settings,
			ScriptAccess access) {
		this.access = access;
		this.intake = intake;
		this.progress = progress;
		this.claimCheck = claimCheck;
		this.maxDocumentSize = settings.maxDocumentSize().toBytes();
	}

	@Operation(operationId = "createPlay",
			summary = "Create a whole play in one command, from a play document (JSON) or a Fountain screenplay")
	@ApiResponse(responseCode = "202",
			description = "Accepted: the services make the parts; Location is the script, its status says when the play is ACTIVE",
			headers = { @Header(name = "Location", description = "/scripts/{id}", schema = @Schema(type = "string")),
					@Header(name = "Idempotent-Replayed",
							description = "true when this answers an earlier request with the same Idempotency-Key",
							schema = @Schema(type = "boolean")) },
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = StatusView.class)))
	@PostMapping(path = "/plays", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> importJson(@RequestBody PlayDocument play,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) throws JsonProcessingException {
		// What export could not write so that import reads it back (a newline in a
		// heading, a '(' in a name) is
		// refused now, rather than stored and exported as another play. A parsed document
		// is what it says already.
		FountainText.check(play).ifPresent(problem -> {
			throw new InvalidPlay(problem.field(), problem.message());
		});
		return accepted(intake.accept(EventContext.current().actor(), play, key,
				hash(ClaimCheckReader.JSON.writeValueAsBytes(play))));
	}

	@Operation(operationId = "createPlay",
			summary = "Create a whole play in one command, from a play document (JSON) or a Fountain screenplay")
	@ApiResponse(responseCode = "202",
			description = "Accepted: the services make the parts; Location is the script, its status says when the play is ACTIVE",
			headers = { @Header(name = "Location", description = "/scripts/{id}", schema = @Schema(type = "string")),
					@Header(name = "Idempotent-Replayed",
							description = "true when this answers an earlier request with the same Idempotency-Key",
							schema = @Schema(type = "boolean")) },
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = StatusView.class)))
	@PostMapping(path = "/plays", consumes = FOUNTAIN)
	ResponseEntity<?> importFountain(@RequestBody byte[] document,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		if (document.length > maxDocumentSize) {
			return tooLarge();
		}
		PlayDocument play = FountainReader.read(text(document));
		return accepted(intake.accept(EventContext.current().actor(), play, key, hash(document)));
	}

	@Operation(operationId = "getPlayStatus",
			summary = "Follow a play's creation or deletion: its status, and per kind of part what is expected, done and failed")
	@GetMapping("/scripts/{id}/status")
	StatusView status(@PathVariable UUID id) {
		// Readable after the deletion too: DELETE answers with this address, to follow
		// the cascade.
		access.requireEvenIfDeleted(id, Need.READ, () -> new ScriptNotFound(id));
		return progress.report(id).map(StatusView::of).orElseThrow(() -> new ScriptNotFound(id));
	}

	/**
	 * The claim check: a play's parts at a path, for the service that makes them; at
	 * every path of a family when the path has a {@code *} for a segment (one JSON object
	 * by path).
	 */
	@GetMapping(path = "/imports/{importId}/**", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> parts(@PathVariable UUID importId, HttpServletRequest request) {
		if (!Caller.current().map(Caller::isSystem).orElse(false)) {
			return ResponseEntity.notFound().build(); // for the services that make the
														// parts, not for clients
		}
		String path = request.getRequestURI().substring(("/imports/" + importId + "/").length());
		return (path.contains("*") ? claimCheck.readFamily(importId, path) : claimCheck.read(importId, path))
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	private ResponseEntity<?> accepted(PlayIntake.Accepted accepted) {
		UUID id = accepted.scriptId();
		StatusView status = progress.report(id).map(StatusView::of).orElseThrow();
		return ResponseEntity.accepted()
			.location(URI.create("/scripts/" + id))
			.header("Idempotent-Replayed", String.valueOf(accepted.replayed()))
			.body(status);
	}

	/**
	 * The document as text: UTF-8 (a byte-order mark is dropped), with no NUL; anything
	 * else is refused naming the line where it goes wrong.
	 */
	private static String text(byte[] document) {
		int nul = indexOf(document, (byte) 0);
		if (nul >= 0) {
			throw new InvalidPlay("body",
					"is binary, not a Fountain document: a NUL byte at line " + line(document, nul));
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(document))
				.toString();
		}
		catch (CharacterCodingException ex) {
			int at = firstInvalidUtf8(document);
			throw new InvalidPlay("body", "is not valid UTF-8 at line " + line(document, at) + " (byte " + (at + 1)
					+ "); save the document as UTF-8 and send it again");
		}
		// The rule every JSON string meets (TextRule), for the document as a whole: a
		// control character would reach
		// the parts' text, where PostgreSQL cannot store U+0000 and an export would carry
		// the rest.
		Optional<TextRule.Violation> violation = TextRule.violation(text);
		if (violation.isPresent()) {
			int index = violation.get().index();
			long line = text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
			throw new InvalidPlay("body", "at line " + line + " " + violation.get().message());
		}
		return text;
	}

	private static int firstInvalidUtf8(byte[] bytes) {
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		var out = CharBuffer.allocate(bytes.length + 1);
		var result = decoder.decode(in, out, true);
		return result.isError() ? in.position() : bytes.length - 1;
	}

	private static int indexOf(byte[] bytes, byte value) {
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == value) {
				return i;
			}
		}
		return -1;
	}

	private static int line(byte[] bytes, int offset) {
		int line = 1;
		for (int i = 0; i < offset && i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				line++;
			}
		}
		return line;
	}

	private static String hash(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ResponseEntity<ProblemDetail> tooLarge() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"A play may be at most " + maxDocumentSize / (1024 * 1024) + " MB");
		problem.setTitle("Play too large");
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
	}

	@ExceptionHandler(InvalidPlay.class)
	ResponseEntity<ProblemDetail> invalid(InvalidPlay ex) {
		return ProblemHandling.badRequest(ex.field(), ex.problem());
	}

	@ExceptionHandler(PlayIntake.IdempotencyKeyReused.class)
	ResponseEntity<ProblemDetail> keyReused(PlayIntake.IdempotencyKeyReused ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setTitle("Idempotency-Key reused");
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
	}

	@ExceptionHandler(ScriptNotFound.class)
	ResponseEntity<ProblemDetail> notFound(ScriptNotFound ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Script not found");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	/**
	 * A play's progress: {@code status} PENDING, ACTIVE, FAILED, DELETING or DELETED; for
	 * a failure, why ({@code reason}) and where ({@code failedPart},
	 * {@code failedElement}); per kind of part, expected, done, failed and live.
	 */
	record StatusView(UUID scriptId, PlayState.Status status, String reason, String failedPart, String failedElement,
			boolean overdue, Instant startedAt, Instant finishedAt, Map<String, ProgressReport.Parts> parts) {

		static StatusView of(ProgressReport report) {
			PlayState play = report.play();
			return new StatusView(play.scriptId(), play.status(), play.reason(), play.failedPart(),
					play.failedElement(), report.overdue(), play.startedAt(), play.finishedAt(), report.parts());
		}
	}

}
