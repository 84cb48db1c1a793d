package io.fountain.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of a Server-Sent Events stream, as an app holds one: an HTTP connection of its
 * own, read on a thread of its own, every line kept as it arrives; closed, it hangs up.
 */
public final class EventStream implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int status;

	private final String contentType;

	private final HttpClient client = HttpClient.newHttpClient();

	private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

	private volatile boolean ended;

	private EventStream(URI url, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Accept", "text/event-stream");
		headers.forEach(request::header);
		HttpResponse<Stream<String>> response;
		try {
			response = client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		status = response.statusCode();
		contentType = response.headers().firstValue("Content-Type").orElse("");
		Thread.ofVirtual().start(() -> {
			try (Stream<String> body = response.body()) {
				body.forEach(lines::add);
			}
			catch (RuntimeException hungUp) {
				// closed by this client
			}
			ended = true;
		});
	}

	/** Opens the stream (its headers read); an error's body is read as its lines. */
	public static EventStream open(URI url, Map<String, String> headers) {
		return new EventStream(url, headers);
	}

	public int status() {
		return status;
	}

	public String contentType() {
		return contentType;
	}

	/** Whether the server ended the stream (or the client hung up). */
	public boolean ended() {
		return ended;
	}

	/** The whole body of an answer that is not a stream (an error), once it is read. */
	public String body() {
		await().atMost(Duration.ofSeconds(5)).until(() -> ended);
		return String.join("\n", lines);
	}

	/** Every complete event so far (one ended by a blank line); comments left out. */
	public List<Event> events() {
		List<Event> events = new ArrayList<>();
		String id = null;
		String name = "message";
		StringBuilder data = null;
		for (String line : List.copyOf(lines)) {
			if (line.isEmpty()) {
				if (data != null) {
					events.add(new Event(id, name, data.toString()));
				}
				id = null;
				name = "message";
				data = null;
			}
			else if (line.startsWith("id:")) {
				id = line.substring(3).strip();
			}
			else if (line.startsWith("event:")) {
				name = line.substring(6).strip();
			}
			else if (line.startsWith("data:")) {
				data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5).strip());
			}
		}
		return events;
	}

	/** The events of one name ({@code change}). */
	public List<Event> events(String name) {
		return events().stream().filter(event -> event.name().equals(name)).toList();
	}

	@Override
	public void close() {
		client.shutdownNow();
	}

	/** One event as a client reads it. */
	public record Event(String id, String name, String data) {

		public JsonNode json() {
			return JSON.readTree(data);
		}
	}

}
