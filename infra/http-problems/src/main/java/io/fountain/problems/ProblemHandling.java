package io.fountain.problems;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error a Fountain HTTP API answers is RFC 9457 {@code application/problem+json}.
 * Bad input is a 4xx whose {@code errors} name each offending field (JSON path of the
 * body, or the parameter) with what is wrong; anything unexpected is a 500 that says
 * nothing about the inside, only the correlation id to look for in the logs.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

	/**
	 * Writes a problem where no message converter would (a client that accepts none of
	 * them).
	 */
	private static final JsonMapper PROBLEMS = JsonMapper.builder().build();

	/**
	 * How Jackson begins the message of a duplicate field
	 * (StreamReadFeature.STRICT_DUPLICATE_DETECTION).
	 */
	private static final String DUPLICATE = "Duplicate Object property";

	public static final URI INVALID_INPUT = URI.create("https://fountain.io/problems/invalid-input");

	/** A problem naming the fields at fault, each with a message. */
	public static ProblemDetail invalidInput(String detail, List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(INVALID_INPUT);
		problem.setTitle("Invalid input");
		problem.setProperty("errors", errors);
		return problem;
	}

	/** A 400 naming one field, for input checks that only the application can make. */
	public static ResponseEntity<ProblemDetail> badRequest(String field, String message) {
		return ResponseEntity.badRequest()
			.body(invalidInput(field + " " + message, List.of(new FieldError(field, message))));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
			.sorted(Comparator.comparing(FieldError::field))
			.toList();
		return ResponseEntity.badRequest().body(invalidInput(describe(errors), errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> new FieldError(result.getMethodParameter().getParameterName(),
						error.getDefaultMessage())))
			.toList();
		return ResponseEntity.badRequest().body(invalidInput(describe(errors), errors));
	}

	/**
	 * A body that cannot be read as the request's type: a 400 naming where (the JSON
	 * path, {@code $} for the body as a whole) and what is wrong there.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		JacksonException json = findCause(ex, JacksonException.class);
		Utf8Bodies.NotUtf8 notUtf8 = findCause(ex, Utf8Bodies.NotUtf8.class);
		if (notUtf8 != null) {
			return fieldError(json == null ? "$" : jsonPath(json.getPath()), notUtf8.getMessage());
		}
		if (json == null) {
			return ResponseEntity.badRequest()
				.body(invalidInput("The request body is missing or is not JSON",
						List.of(new FieldError("$", "a JSON body is required"))));
		}
		String path = jsonPath(json.getPath());
		String message;
		if (json instanceof StrictStrings.InvalidText text) {
			message = text.problem();
		}
		else if (json instanceof InvalidNullException) {
			message = "must not be null";
		}
		else if (json instanceof UnrecognizedPropertyException) {
			message = "is not a known field";
		}
		else if (json instanceof StreamReadException read && read.getOriginalMessage().startsWith(DUPLICATE)) {
			path = duplicatePath(read);
			message = "is given twice: name each field once";
		}
		else if (json instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			message = "must be " + describeType(mismatch.getTargetType());
		}
		else {
			message = "is not valid JSON here";
		}
		return fieldError(path, message);
	}

	private static ResponseEntity<Object> fieldError(String field, String message) {
		return ResponseEntity.badRequest()
			.body(invalidInput(field + " " + message, List.of(new FieldError(field, message))));
	}

	/**
	 * Where the parser found a field named a second time: the parser's own context (a
	 * duplicate is found before any deserializer sees the field, so Jackson gives the
	 * exception no path), or {@code $} when it is gone.
	 */
	private static String duplicatePath(StreamReadException ex) {
		if (!(ex.processor() instanceof JsonParser parser) || parser.streamReadContext() == null) {
			return "$";
		}
		List<String> segments = new ArrayList<>();
		for (TokenStreamContext at = parser.streamReadContext(); at != null && !at.inRoot(); at = at.getParent()) {
			segments.add(at.inArray() ? "[" + at.getCurrentIndex() + "]" : "." + at.currentName());
		}
		String path = String.join("", segments.reversed());
		return path.isEmpty() ? "$" : path.startsWith(".") ? path.substring(1) : path;
	}

	/**
	 * A client that accepts nothing this route answers still learns why, in problem+json:
	 * Spring would otherwise find no representation the client accepts for the problem
	 * either, and answer 406 with an empty body.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		HttpServletResponse response = ((ServletWebRequest) request).getResponse();
		if (response == null || response.isCommitted()) {
			return null;
		}
		ProblemDetail problem = ProblemDetail
			.forStatusAndDetail(HttpStatus.NOT_ACCEPTABLE, "This resource is answered as "
					+ ex.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "))
					+ ": ask for one of them in Accept.");
		problem.setTitle("Not acceptable");
		response.setStatus(HttpStatus.NOT_ACCEPTABLE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		try {
			response.getOutputStream().write(PROBLEMS.writeValueAsBytes(problem));
			response.flushBuffer();
		}
		catch (IOException gone) {
			// The client has gone: there is no one to tell.
		}
		return null; // answered here
	}

	/**
	 * A query string Tomcat cannot decode ({@code ?x=%zz}): the client's mistake, named,
	 * not a 500.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ProblemDetail> invalidQuery(InvalidParameterException ex) {
		return badRequest("query", "is not a valid query string: a '%' must be followed by two hexadecimal digits, "
				+ "and the decoded text must be UTF-8");
	}

	/** Path and query UUIDs in canonical form only: see {@link CanonicalUuids}. */
	@InitBinder
	void canonicalUuids(WebDataBinder binder) {
		binder.registerCustomEditor(UUID.class, new CanonicalUuids());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		String message = "must be " + (ex.getRequiredType() == null ? "valid" : describeType(ex.getRequiredType()));
		return ResponseEntity.badRequest()
			.body(invalidInput(ex.getName() + " " + message, List.of(new FieldError(ex.getName(), message))));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
		List<FieldError> errors = ex.getConstraintViolations()
			.stream()
			.map(v -> new FieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
			.toList();
		return ResponseEntity.badRequest().body(invalidInput(describe(errors), errors));
	}

	/**
	 * The domain says "no such thing" with the JDK's own exception, so that it needs no
	 * HTTP type.
	 */
	@ExceptionHandler(NoSuchElementException.class)
	ResponseEntity<ProblemDetail> notFound(NoSuchElementException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not found");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, WebRequest request) {
		ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
		if (declared != null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(declared.code(), ex.getMessage());
			problem.setTitle(HttpStatus.valueOf(declared.code().value()).getReasonPhrase());
			ResponseEntity.BodyBuilder response = ResponseEntity.status(declared.code());
			if (declared.code() == HttpStatus.SERVICE_UNAVAILABLE) {
				response.header(HttpHeaders.RETRY_AFTER, "2");
			}
			return response.body(problem);
		}
		log.error("Unexpected failure serving {}", request.getDescription(false), ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side. Quote the X-Correlation-Id of this response when you report it.");
		problem.setTitle("Internal error");
		return ResponseEntity.internalServerError().body(problem);
	}

	private static String describe(List<FieldError> errors) {
		return errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
	}

	private static String jsonPath(List<JacksonException.Reference> path) {
		if (path == null || path.isEmpty()) {
			return "$";
		}
		StringBuilder out = new StringBuilder();
		for (JacksonException.Reference reference : path) {
			if (reference.getPropertyName() != null) {
				out.append(out.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				out.append('[').append(reference.getIndex()).append(']');
			}
		}
		return out.isEmpty() ? "$" : out.toString();
	}

	private static String describeType(Class<?> type) {
		Map<Class<?>, String> names = Map.of(String.class, "a string", Integer.class, "an integer", int.class,
				"an integer", Long.class, "an integer", long.class, "an integer", Boolean.class, "true or false",
				boolean.class, "true or false", UUID.class, "a UUID in canonical form (8-4-4-4-12 hexadecimal digits)",
				List.class, "an array");
		return names.getOrDefault(type, type.isRecord() ? "an object" : "a " + type.getSimpleName());
	}

	private static String leaf(String propertyPath) {
		int dot = propertyPath.lastIndexOf('.');
		return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
	}

	private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	/** One offending field: its name or JSON path, and what is wrong with it. */
	public record FieldError(String field, String message) {
	}

}
