package io.fountain.access;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * Read-your-writes for access: a request about a script whose creation has not reached this service yet asks
 * script-svc ({@code GET /scripts/{id}/collaborators}, as the system) who owns it and who else may see it.
 */
public class AccessLookup {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final String baseUrl;

	private final Duration timeout;

	private final CallerTokens tokens;

	public AccessLookup(String scriptServiceUrl, Duration timeout, CallerTokens tokens) {
		this.baseUrl = scriptServiceUrl.endsWith("/") ? scriptServiceUrl.substring(0, scriptServiceUrl.length() - 1)
				: scriptServiceUrl;
		this.timeout = timeout;
		this.tokens = tokens;
	}

	/** The script's owner and collaborators; empty when script-svc says there is no such (live) script. */
	public Optional<Access> find(UUID scriptId) {
		try {
			HttpResponse<String> response = SystemReads.get(URI.create(baseUrl + "/scripts/" + scriptId + "/collaborators"),
					timeout, tokens, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 404) {
				return Optional.empty();
			}
			if (response.statusCode() != 200) {
				throw new AccessUnavailable("answered " + response.statusCode());
			}
			JsonNode body = JSON.readTree(response.body());
			Map<String, Role> collaborators = new LinkedHashMap<>();
			body.path("collaborators")
				.forEach(c -> collaborators.put(c.path("userId").asText(), Role.fromWire(c.path("role").asText())));
			return Optional.of(new Access(body.path("owner").asText(), collaborators));
		}
		catch (IOException ex) {
			throw new AccessUnavailable("did not answer: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AccessUnavailable("was not asked: interrupted");
		}
	}

	/** A script's owner and its collaborators with their roles. */
	public record Access(String owner, Map<String, Role> collaborators) {
	}

	/** script-svc could not say who may see the script: the client (or the record) should try again shortly. */
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	public static class AccessUnavailable extends AnotherServiceUnavailable {

		AccessUnavailable(String what) {
			super("Cannot confirm who may see the script right now: script-svc " + what + ". Try again shortly.");
		}
	}
}
