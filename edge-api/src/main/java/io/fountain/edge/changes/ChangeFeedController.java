package io.fountain.edge.changes;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.fountain.callers.Caller;
import io.fountain.edge.security.EdgeCaller;
import io.fountain.edge.tree.PlayTrees;
import io.fountain.problems.ProblemHandling;

/**
 * {@code GET /scripts/{id}/changes}: the play's changes as Server-Sent Events, for anyone
 * who may read the play (issue 18). Each event is one entry of the play's history
 * ({@code event: change}, {@code id:} its revision, {@code data:} the entry as JSON), in
 * the play's order. A client that reconnects sends the last id it saw as
 * {@code Last-Event-ID} and gets exactly what came after; without it, the stream starts
 * at the play's current revision (the tree's ETag, {@code "play-57"}, is that revision:
 * read the tree, then follow its changes from 57). A heartbeat comment keeps an idle
 * stream open; {@code event: end} says why a stream ends (the play deleted, or no longer
 * shared with the caller).
 */
@RestController
class ChangeFeedController {

	private static final Pattern REVISION = Pattern.compile("(play-)?[0-9]{1,18}");

	private final PlayTrees reads;

	private final EdgeCaller callers;

	private final ChangeFeeds feeds;

	private final OpenStreams open;

	private final ChangeFeedSettings settings;

	ChangeFeedController(PlayTrees reads, EdgeCaller callers, ChangeFeeds feeds, OpenStreams open,
			ChangeFeedSettings settings) {
		this.reads = reads;
		this.callers = callers;
		this.feeds = feeds;
		this.open = open;
		this.settings = settings;
	}

	@GetMapping("/scripts/{scriptId}/changes")
	SseEmitter changes(@PathVariable UUID scriptId,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
		Long resumeAfter = revision(lastEventId);
		Caller caller = EdgeCaller.current();
		PlayTrees.Answer current = reads.revision(scriptId, callers.tokenFor(caller));
		if (current.status() != 200) {
			throw passedOn(current);
		}
		UUID stream = open.open(caller.userId(), scriptId).orElseThrow(() -> tooMany());
		SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
		feeds.watch(scriptId, caller, stream,
				resumeAfter != null ? resumeAfter : current.body().path("revision").asLong(), emitter);
		return emitter;
	}

	/** The revision in Last-Event-ID (a number, or the tree's tag without quotes). */
	private static Long revision(String lastEventId) {
		if (lastEventId == null || lastEventId.isBlank()) {
			return null;
		}
		String value = lastEventId.strip().replace("\"", "");
		if (!REVISION.matcher(value).matches()) {
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemHandling
				.invalidInput("Last-Event-ID must be the id of an event of this stream",
						List.of(new ProblemHandling.FieldError("Last-Event-ID",
								"must be a revision of the play (the id of an event it sent), not " + lastEventId))),
					null);
		}
		return Long.parseLong(value.replace("play-", ""));
	}

	private ErrorResponseException tooMany() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"You have " + settings.maxStreamsPerUser()
						+ " change feeds open, as many as one user may: close one (or let it end) first");
		problem.setTitle("Too many change feeds");
		ErrorResponseException refused = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
		refused.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(settings.heartbeat().toSeconds() * 3));
		return refused;
	}

	/** script-svc's problem (a 404: no such play, or not the caller's), as it was. */
	private static ErrorResponseException passedOn(PlayTrees.Answer answer) {
		HttpStatus status = HttpStatus.valueOf(answer.status());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, answer.body().path("detail").asString(""));
		problem.setTitle(answer.body().path("title").asString(status.getReasonPhrase()));
		if (answer.body().has("instance")) {
			problem.setInstance(URI.create(answer.body().path("instance").asString()));
		}
		return new ErrorResponseException(status, problem, null);
	}

}
