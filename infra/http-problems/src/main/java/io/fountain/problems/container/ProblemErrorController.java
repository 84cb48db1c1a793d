package io.fountain.problems.container;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * What the servlet container forwards to when something answers an error outside Spring
 * MVC's exception handling: a filter's {@code sendError} (Spring Security's firewall, a
 * refused token), an exception thrown by a filter, a 404 that no handler claimed. It
 * replaces Spring Boot's {@code BasicErrorController}, whose body is neither problem+json
 * nor free of internals; {@code GET /error} asked for directly is a 404 like any unknown
 * path (it answered {@code {"status":999}}).
 */
@RestController
public class ProblemErrorController implements ErrorController {

	@RequestMapping(path = "${server.error.path:${error.path:/error}}",
			produces = { MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE })
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		HttpStatus status = code instanceof Integer number ? ContainerProblems.statusOf(number, failure)
				: HttpStatus.NOT_FOUND; // asked for by its own path: there is nothing
										// there
		ProblemDetail problem = ContainerProblems.problem(status, failure);
		// The request that failed, not the error page it was forwarded to.
		if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed) {
			problem.setInstance(URI.create(UriUtils.encodePath(failed, StandardCharsets.UTF_8)));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
