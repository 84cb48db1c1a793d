package io.fountain.parents;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

import io.fountain.callers.CallerTokens;
import io.fountain.eventing.SystemReads;
import io.fountain.eventing.inbox.AnotherServiceUnavailable;

/**
 * Read-your-writes for a parent whose creation event has not reached this service yet:
 * asks the parent's owner ({@code GET <baseUrl>/<collection>/<id>}) whether it exists and
 * in which script. A read, never a request to act.
 */
public class ParentLookup {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final String owner;

	private final String baseUrl;

	private final String collection;

	private final Duration timeout;

	private final CallerTokens tokens;

	/**
	 * @param owner the owning service's name, for messages
	 * @param collection the path segment of the parent's resource, e.g. {@code acts}; for
	 * {@code scripts} the id is the script id itself
	 */
	public ParentLookup(String owner, String baseUrl, String collection, Duration timeout, CallerTokens tokens) {
		this.tokens = tokens;
		this.owner = owner;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.collection = collection;
		this.timeout = timeout;
	}

	/** The parent's script id, or empty when its owner says it does not exist. */
	public Optional<UUID> scriptOf(UUID id) {
		return find(id).map(Found::scriptId);
	}

	/**
	 * The parent as its owner describes it, or empty when its owner says it does not
	 * exist.
	 */
	public Optional<Found> find(UUID id) {
		try {
			HttpResponse<String> response = SystemReads.get(URI.create(baseUrl + "/" + collection + "/" + id), timeout,
					tokens, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 404) {
				return Optional.empty();
			}
			if (response.statusCode() != 200) {
				throw new ParentUnavailable(owner, "answered " + response.statusCode());
			}
			JsonNode body = JSON.readTree(response.body());
			String name = body.path("name").isTextual() ? body.path("name").asText() : null;
			if (collection.equals("scripts")) {
				return Optional.of(new Found(id, name));
			}
			if (!body.path("scriptId").isTextual()) {
				throw new ParentUnavailable(owner, "answered without a scriptId");
			}
			return Optional.of(new Found(UUID.fromString(body.path("scriptId").asText()), name));
		}
		catch (IOException ex) {
			throw new ParentUnavailable(owner, "did not answer: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ParentUnavailable(owner, "was not asked: interrupted");
		}
	}

	/** A parent as its owner describes it: its script, and its name where it has one. */
	public record Found(UUID scriptId, String name) {
	}

	/**
	 * The parent's owner could not say whether it exists: the client should try again
	 * shortly.
	 */
	@ResponseStatus(value = HttpStatus.SERVICE_UNAVAILABLE)
	public static class ParentUnavailable extends AnotherServiceUnavailable {

		public ParentUnavailable(String owner, String what) {
			super("Cannot confirm the parent exists right now: " + owner + " " + what + ". Try again shortly.");
		}

	}

}
