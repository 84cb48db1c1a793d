package io.fountain.problems.paging;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import io.fountain.problems.ProblemHandling;

/**
 * A {@code page} or {@code size} query parameter the list cannot serve: a 400 problem
 * naming it.
 */
public class InvalidPaging extends ErrorResponseException {

	InvalidPaging(String parameter, String message) {
		super(HttpStatus.BAD_REQUEST, ProblemHandling.invalidInput(parameter + " " + message,
				List.of(new ProblemHandling.FieldError(parameter, message))), null);
	}

}
