package io.fountain.edge.routing;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problems only the edge has: a service that does not answer, wherever the edge called it
 * from.
 */
// Before the catch-all problem handling of io.fountain:http-problems.
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
class EdgeProblems {

	@ExceptionHandler(Downstreams.DownstreamUnavailable.class)
	ResponseEntity<ProblemDetail> unavailable(Downstreams.DownstreamUnavailable ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("Service unavailable");
		problem.setProperty("service", ex.service());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
	}

}
