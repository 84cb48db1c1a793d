package io.fountain.edge.ops;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.fountain.edge.changes.ChangeFeeds;
import io.fountain.edge.ops.deadletters.DeadLetter;
import io.fountain.edge.ops.deadletters.DeadLetters;
import io.fountain.edge.ops.lag.LagMonitor;
import io.fountain.edge.ops.lag.LagReport;
import io.fountain.edge.security.EdgeCaller;

/**
 * Operations over HTTP: consumer lag and outbox backlogs ({@code GET /ops/lag}), the
 * plays' change feeds open ({@code GET /ops/streams}), and dead letters
 * ({@code GET /ops/dead-letters}, {@code POST /ops/dead-letters/{id}/replay},
 * {@code DELETE /ops/dead-letters/{id}}). Needs the {@code operator} role; what an
 * operator does is recorded under their user id.
 */
@RestController
class OpsController {

	private final ObjectProvider<LagMonitor> lag;

	private final ObjectProvider<DeadLetters> deadLetters;

	private final ChangeFeeds feeds;

	OpsController(ObjectProvider<LagMonitor> lag, ObjectProvider<DeadLetters> deadLetters, ChangeFeeds feeds) {
		this.lag = lag;
		this.deadLetters = deadLetters;
		this.feeds = feeds;
	}

	/** The plays' change feeds open now: in every edge, and this one's. */
	@GetMapping("/ops/streams")
	Streams streams() {
		return new Streams(feeds.everywhere(), feeds.here());
	}

	record Streams(long everywhere, ChangeFeeds.Watching here) {
	}

	@GetMapping("/ops/lag")
	LagReport lag() {
		return required(lag).latest();
	}

	@GetMapping("/ops/dead-letters")
	List<DeadLetter> deadLetters() {
		return required(deadLetters).list();
	}

	@PostMapping("/ops/dead-letters/{id}/replay")
	DeadLetter replay(@PathVariable String id) {
		return required(deadLetters).replay(id, EdgeCaller.current().userId());
	}

	@DeleteMapping("/ops/dead-letters/{id}")
	DeadLetter discard(@PathVariable String id) {
		return required(deadLetters).discard(id, EdgeCaller.current().userId());
	}

	private static <T> T required(ObjectProvider<T> part) {
		T available = part.getIfAvailable();
		if (available == null) {
			throw new OpsDisabled();
		}
		return available;
	}

	@ExceptionHandler(OpsDisabled.class)
	ResponseEntity<ProblemDetail> disabled() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"Operations views are off (fountain.ops.enabled=false, or no Kafka configured)");
		problem.setTitle("Operations unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
	}

	static final class OpsDisabled extends RuntimeException {

	}

}
