package io.fountain.edge.routing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.ServletWebRequest;

import io.fountain.callers.CallerTokens;
import io.fountain.edge.EdgeSettings;
import io.fountain.edge.security.EdgeCaller;
import io.fountain.edge.tree.PlayTreeController;
import io.fountain.problems.ProblemHandling;

/**
 * Passes every routed request on to the service that serves it and its answer back,
 * unchanged but for the headers the edge owns: the correlation id (kept from the client
 * when sane, made up otherwise) and the caller the request acts for (a token the edge
 * signs: the client's own token never leaves the edge). Bodies go on byte for byte: text
 * is stored exactly as sent, and the services check it. A service that does not answer in
 * time is a 503 naming it.
 */
@RestController
class ProxyController {

	private static final MediaType FOUNTAIN = MediaType.parseMediaType(PlayTreeController.FOUNTAIN);

	static final String CORRELATION_ID = "X-Correlation-Id";

	private static final Pattern SCRIPT = Pattern
		.compile("/scripts/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

	private static final List<String> REQUEST_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
			HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH, "Idempotency-Key");

	private static final List<String> RESPONSE_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION,
			HttpHeaders.RETRY_AFTER, HttpHeaders.ETAG, HttpHeaders.CACHE_CONTROL, CORRELATION_ID);

	private final RouteTable routes;

	private final Downstreams downstreams;

	private final long maxBodySize;

	private final PlayVisibility visibility;

	private final EdgeCaller caller;

	private final PlayTreeController exports;

	ProxyController(RouteTable routes, Downstreams downstreams, EdgeSettings settings, PlayVisibility visibility,
			EdgeCaller caller, PlayTreeController exports) {
		this.caller = caller;
		this.exports = exports;
		this.routes = routes;
		this.downstreams = downstreams;
		this.maxBodySize = settings.maxBodySize().toBytes();
		this.visibility = visibility;
	}

	@RequestMapping("/**")
	ResponseEntity<?> forward(HttpServletRequest request, HttpServletResponse servletResponse) throws IOException {
		String path = request.getRequestURI();
		if (asksForFountain(request) && HttpMethod.GET.matches(request.getMethod())) {
			Matcher script = SCRIPT.matcher(path);
			if (script.matches()) {
				return exports.export(UUID.fromString(script.group(1)),
						new ServletWebRequest(request, servletResponse));
			}
		}
		RouteTable.Downstream target = routes.route(path).orElseThrow(() -> NoRoute.at(path));
		byte[] body = readBody(request, routes.bodyLimit(path).map(DataSize::toBytes).orElse(maxBodySize));
		String query = request.getQueryString();
		URI uri;
		try {
			uri = new URI(target.baseUrl() + path + (query == null ? "" : "?" + query));
		}
		catch (URISyntaxException malformed) {
			// Only the query can be malformed here: Tomcat and the firewall have checked
			// the path.
			return ProblemHandling.badRequest("query",
					"is not a valid query string: a '%' must be followed by two " + "hexadecimal digits");
		}
		String correlationId = sane(request.getHeader(CORRELATION_ID), UUID.randomUUID().toString());

		RestClient.RequestBodySpec call = downstreams.http()
			.method(HttpMethod.valueOf(request.getMethod()))
			.uri(uri)
			.header(CORRELATION_ID, correlationId)
			.header(CallerTokens.HEADER, caller.tokenFor(EdgeCaller.current()));
		for (String name : REQUEST_HEADERS) {
			String value = request.getHeader(name);
			if (value != null) {
				call.header(name, value);
			}
		}
		if (body.length > 0) {
			call.body(body);
		}
		boolean safe = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
		ResponseEntity<byte[]> answer = downstreams.call(target, safe, () -> call.exchange((outbound, response) -> {
			HttpHeaders headers = new HttpHeaders();
			for (String name : RESPONSE_HEADERS) {
				List<String> values = response.getHeaders().get(name);
				if (values != null) {
					headers.put(name, values);
				}
			}
			headers.set(CORRELATION_ID, correlationId);
			try (InputStream in = response.getBody()) {
				return new ResponseEntity<>(in.readAllBytes(), headers, response.getStatusCode());
			}
		}));
		if (HttpMethod.GET.matches(request.getMethod()) && !target.name().equals("script")
				&& !visibility.showable(answer)) {
			throw new NoRoute.Hidden();
		}
		return answer;
	}

	private static boolean asksForFountain(HttpServletRequest request) {
		return prefersFountain(request.getHeader(HttpHeaders.ACCEPT));
	}

	/**
	 * Only a client that names Fountain gets it: one that accepts anything (curl, a
	 * browser) gets the script's JSON, and so does one that names both and prefers JSON
	 * (by quality, then the more specific, then the first named: a generated client asks
	 * for {@code application/json, text/x-fountain}).
	 */
	static boolean prefersFountain(String accept) {
		if (accept == null || !accept.toLowerCase(Locale.ROOT).contains(PlayTreeController.FOUNTAIN)) {
			return false;
		}
		List<MediaType> types;
		try {
			types = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			return true;
		}
		MediaType best = null;
		for (MediaType type : types) {
			if ((type.includes(MediaType.APPLICATION_JSON) || type.includes(FOUNTAIN))
					&& (best == null || type.getQualityValue() > best.getQualityValue()
							|| (type.getQualityValue() == best.getQualityValue() && best.isWildcardSubtype()
									&& !type.isWildcardSubtype()))) {
				best = type;
			}
		}
		return best != null && best.getQualityValue() > 0 && best.equalsTypeAndSubtype(FOUNTAIN);
	}

	private static byte[] readBody(HttpServletRequest request, long limit) throws IOException {
		if (request.getContentLengthLong() > limit) {
			throw new BodyTooLarge(limit);
		}
		byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
		if (body.length > limit) {
			throw new BodyTooLarge(limit);
		}
		return body;
	}

	@ExceptionHandler(NoRoute.class)
	ResponseEntity<ProblemDetail> noRoute(NoRoute ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not found");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	@ExceptionHandler(BodyTooLarge.class)
	ResponseEntity<ProblemDetail> tooLarge(BodyTooLarge ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage());
		problem.setTitle("Request body too large");
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
	}

	private static String sane(String value, String fallback) {
		return value != null && TOKEN.matcher(value).matches() ? value : fallback;
	}

	static class NoRoute extends RuntimeException {

		private NoRoute(String message) {
			super(message);
		}

		static NoRoute at(String path) {
			return new NoRoute("Nothing is served at " + (path.length() > 200 ? path.substring(0, 200) + "..." : path));
		}

		/**
		 * A part of a play that is not readable yet (being created) or any more (failed):
		 * as if it did not exist.
		 */
		static final class Hidden extends NoRoute {

			Hidden() {
				super("Not found: it belongs to a play that is being created or whose creation failed; see "
						+ "/scripts/{id}/status");
			}

		}

	}

	static final class BodyTooLarge extends RuntimeException {

		BodyTooLarge(long limit) {
			super("The request body is larger than the " + limit / (1024 * 1024) + " MB this API accepts");
		}

	}

}
