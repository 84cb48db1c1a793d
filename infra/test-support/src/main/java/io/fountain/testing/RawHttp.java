package io.fountain.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 over a plain socket, for requests a client library would refuse or normalize
 * before sending (an encoded slash, {@code ..} or raw braces in a path, an oversized
 * header line): the request line and headers go out exactly as written.
 */
public final class RawHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;

	public RawHttp(int port) {
		this.port = port;
	}

	/**
	 * A request without a body, {@code target} sent as is, with {@code Host} and
	 * {@code Connection: close} added.
	 */
	public Response send(String method, String target, Map<String, String> headers) {
		StringBuilder head = new StringBuilder(method).append(' ')
			.append(target)
			.append(" HTTP/1.1\r\n")
			.append("Host: localhost:")
			.append(port)
			.append("\r\nConnection: close\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		return exchange(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
	}

	public Response get(String target, Map<String, String> headers) {
		return send("GET", target, headers);
	}

	/** Sends the bytes and reads the answer until the server closes the connection. */
	public Response exchange(byte[] request) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request);
			out.flush();
			return parse(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Sends the bytes and reads the answer, waiting at most {@code timeout} for each
	 * read. Unlike {@link #exchange(byte[])}, a server that answers before it has read
	 * the whole request and closes the connection (an early 413 or 431) still has its
	 * answer read; the write's failure is thrown only when there is none.
	 */
	public Response exchangeAnswered(byte[] request, Duration timeout) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout((int) timeout.toMillis());
			IOException notWritten = null;
			try {
				OutputStream out = socket.getOutputStream();
				out.write(request);
				out.flush();
			}
			catch (IOException ex) {
				notWritten = ex;
			}
			try {
				return parse(socket.getInputStream());
			}
			catch (IOException | RuntimeException noAnswer) {
				if (notWritten != null) {
					notWritten.addSuppressed(noAnswer);
					throw notWritten;
				}
				throw noAnswer;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Response parse(InputStream in) throws IOException {
		String statusLine = line(in);
		if (statusLine.isEmpty()) {
			throw new IOException("the server closed the connection without an answer");
		}
		int status = Integer.parseInt(statusLine.split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line = line(in); !line.isEmpty(); line = line(in)) {
			int colon = line.indexOf(':');
			headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
					(a, b) -> a + ", " + b);
		}
		byte[] body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? chunked(in) : in.readAllBytes();
		return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] chunked(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0; size = Integer
			.parseInt(line(in).split(";")[0].trim(), 16)) {
			body.write(in.readNBytes(size));
			line(in);
		}
		return body.toByteArray();
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

	/** An answer: its status, its headers by lower-case name, and its body as UTF-8. */
	public record Response(int status, Map<String, String> headers, String body) {

		public String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}

		public String contentType() {
			return headers.getOrDefault("content-type", "");
		}

		public JsonNode json() {
			return JSON.readTree(body);
		}

		@Override
		public String toString() {
			return status + " " + contentType() + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
		}
	}

}
