package io.fountain.edge.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.fountain.edge.security.EdgeCaller;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on every command (POST, PUT, PATCH, DELETE), on every route:
 * the first request with a key runs; a retry with the same key and the same request
 * (method, path, content type and body) within 24 hours gets the first answer again,
 * marked {@code Idempotent-Replayed: true}, and changes nothing; the same key with
 * another request is a 422. Keys are per user. A first answer of 5xx is not kept (the key
 * is free to retry).
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

	private static final Set<String> COMMANDS = Set.of("POST", "PUT", "PATCH", "DELETE");

	/**
	 * Larger bodies are not kept for replay (no route takes them: they get a 413 anyway).
	 */
	private static final long LARGEST_BODY = 16L * 1024 * 1024;

	private final IdempotencyKeys keys;

	IdempotencyFilter(IdempotencyKeys keys) {
		this.keys = keys;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !COMMANDS.contains(request.getMethod()) || request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER);
		String user = EdgeCaller.currentUserId();
		if (user == null || request.getContentLengthLong() > LARGEST_BODY) {
			chain.doFilter(request, response);
			return;
		}
		if (!KEY.matcher(key).matches()) {
			problem(response, 400, "Bad Idempotency-Key", "Idempotency-Key must be 1 to 200 visible ASCII characters",
					"Idempotency-Key");
			return;
		}
		byte[] body = request.getInputStream().readNBytes((int) LARGEST_BODY + 1);
		if (body.length > LARGEST_BODY) {
			problem(response, 413, "Request body too large", "The request body is larger than this API accepts", null);
			return;
		}
		IdempotencyKeys.Claim claim = keys.claim(user, key, hash(request, body));
		switch (claim.kind()) {
			case OTHER_REQUEST -> problem(response, 422, "Idempotency-Key reused",
					"This Idempotency-Key was used for another request in the last 24 hours; use a new key",
					"Idempotency-Key");
			case IN_PROGRESS -> {
				response.setHeader("Retry-After", "1");
				problem(response, 409, "Request in progress",
						"A request with this Idempotency-Key is being answered; retry in a moment", "Idempotency-Key");
			}
			case ANSWERED -> replay(response, claim.answer());
			case FIRST -> first(request, response, chain, body, user, key);
		}
	}

	private void first(HttpServletRequest request, HttpServletResponse response, FilterChain chain, byte[] body,
			String user, String key) throws IOException, ServletException {
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		boolean kept = false;
		try {
			chain.doFilter(new CachedBody(request, body), answer);
			if (answer.getStatus() < 500) {
				keys.answer(user, key, answer.getStatus(), answer.getContentType(), answer.getHeader("Location"),
						answer.getContentAsByteArray());
				kept = true;
			}
		}
		finally {
			if (!kept) {
				keys.release(user, key);
			}
			answer.copyBodyToResponse();
		}
	}

	private static void replay(HttpServletResponse response, IdempotencyKeys.Stored stored) throws IOException {
		response.setStatus(stored.status());
		if (stored.contentType() != null) {
			response.setContentType(stored.contentType());
		}
		if (stored.location() != null) {
			response.setHeader("Location", stored.location());
		}
		response.setHeader("Idempotent-Replayed", "true");
		if (stored.body() != null) {
			response.getOutputStream().write(stored.body());
		}
	}

	private static String hash(HttpServletRequest request, byte[] body) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			String query = request.getQueryString();
			sha.update((request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query) + "\n"
					+ request.getContentType() + "\n")
				.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha.digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void problem(HttpServletResponse response, int status, String title, String detail, String field)
			throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\"" + (field == null ? ""
							: ",\"errors\":[{\"field\":\"" + field + "\",\"message\":\"" + detail + "\"}]")
					+ "}");
	}

	/**
	 * The request with its body read once, for the hash, and served again to what comes
	 * after.
	 */
	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous reads only");
				}
			};
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

	}

}
