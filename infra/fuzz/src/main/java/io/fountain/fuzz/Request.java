package io.fountain.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP request exactly as it goes on the wire: the target is not normalized, a header
 * may repeat, and the body is bytes (not necessarily UTF-8, not necessarily JSON). Header
 * values are Latin-1 strings, one char a byte, so that a mutation can put any byte in
 * them.
 *
 * @param body {@code null} for a request without one (no {@code Content-Length} is sent
 * then)
 */
record Request(String method, String target, List<Header> headers, byte[] body) {

	Request {
		headers = List.copyOf(headers);
	}

	static Request of(String method, String target) {
		return new Request(method, target, List.of(), null);
	}

	/** The path part of the target, without the query. */
	String path() {
		int query = target.indexOf('?');
		return query < 0 ? target : target.substring(0, query);
	}

	String query() {
		int query = target.indexOf('?');
		return query < 0 ? "" : target.substring(query + 1);
	}

	/** The first value of the header, or {@code null}. */
	String header(String name) {
		return headers.stream()
			.filter(header -> header.name().equalsIgnoreCase(name))
			.map(Header::value)
			.findFirst()
			.orElse(null);
	}

	Request withMethod(String method) {
		return new Request(method, target, headers, body);
	}

	Request withTarget(String target) {
		return new Request(method, target, headers, body);
	}

	Request withBody(byte[] body) {
		return new Request(method, target, headers, body);
	}

	/**
	 * The header set to this value alone (any other value of it removed), at the place it
	 * had.
	 */
	Request withHeader(String name, String value) {
		List<Header> changed = new ArrayList<>();
		boolean set = false;
		for (Header header : headers) {
			if (!header.name().equalsIgnoreCase(name)) {
				changed.add(header);
			}
			else if (!set) {
				changed.add(new Header(name, value));
				set = true;
			}
		}
		if (!set) {
			changed.add(new Header(name, value));
		}
		return new Request(method, target, changed, body);
	}

	/** The header once more, after any value it has. */
	Request plusHeader(String name, String value) {
		List<Header> changed = new ArrayList<>(headers);
		changed.add(new Header(name, value));
		return new Request(method, target, changed, body);
	}

	Request withoutHeader(String name) {
		return new Request(method, target,
				headers.stream().filter(header -> !header.name().equalsIgnoreCase(name)).toList(), body);
	}

	/**
	 * The bytes sent: request line, {@code Host}, the headers, {@code Connection: close},
	 * the body's length.
	 */
	byte[] wire(int port) {
		StringBuilder head = new StringBuilder(method).append(' ')
			.append(target)
			.append(" HTTP/1.1\r\n")
			.append("Host: 127.0.0.1:")
			.append(port)
			.append("\r\n");
		for (Header header : headers) {
			head.append(header.name()).append(": ").append(header.value()).append("\r\n");
		}
		head.append("Connection: close\r\n");
		if (body != null) {
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		head.append("\r\n");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		if (body != null) {
			bytes.writeBytes(body);
		}
		return bytes.toByteArray();
	}

	boolean writes() {
		return switch (method.toUpperCase(Locale.ROOT)) {
			case "POST", "PUT", "PATCH", "DELETE" -> true;
			default -> false;
		};
	}

	@Override
	public String toString() {
		return method + " " + (target.length() > 120 ? target.substring(0, 120) + "..." : target);
	}

	/** A header line: its value in Latin-1, one char a byte. */
	record Header(String name, String value) {
	}
}
