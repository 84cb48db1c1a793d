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
 * Read-your-writes for access: a request about a script whose creation has not reached
 * this service yet asks script-svc ({@code GET /scripts/{id}/collaborators}, as the
 * system) who owns it and who else may see it.
 */
public class AccessLookup {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Members read a request (the list's largest page). */
	private static final int PAGE = 100;

	private final String baseUrl;

	private final Duration timeout;

	private final CallerTokens tokens;

	public AccessLookup(String scriptServiceUrl, Duration timeout, CallerTokens tokens) {
		this.baseUrl = scriptServiceUrl.endsWith("/") ? scriptServiceUrl.substring(0, scriptServiceUrl.length() - 1)
				: scriptServiceUrl;
		this.timeout = timeout;
		this.tokens = tokens;
	}

	/**
	 * The script's owner and collaborators; empty when script-svc says there is no such
	 * (live) script. The list is paged (issue 16: {@code {items, page, size, total}}, the
	 * owner first), so this reads every page of it.
	 */
	public Optional<Access> find(UUID scriptId) {
		String owner = null;
		Map<String, Role> collaborators = new LinkedHashMap<>();
		long total = Long.MAX_VALUE;
		for (int page = 0; (long) page * PAGE < total; page++) {
			Optional<JsonNode> body = page(scriptId, page);
			if (body.isEmpty()) {
				return Optional.empty();
			}
			total = body.get().path("total").asLong(0);
			JsonNode items = body.get().path("items");
			if (!items.isArray() || (items.isEmpty() && (long) page * PAGE < total)) {
				throw new AccessUnavailable("answered a list without its items");
			}
			for (JsonNode member : items) {
				Role role = Role.fromWire(member.path("role").asText());
				if (role == Role.OWNER) {
					owner = member.path("userId").asText();
				}
				else {
					collaborators.put(member.path("userId").asText(), role);
				}
			}
		}
		if (owner == null || owner.isEmpty()) {
			// Never guess: an owner-less replica would hide the play from its own writer.
			throw new AccessUnavailable("named no owner of the script");
		}
		return Optional.of(new Access(owner, collaborators));
	}

	/**
	 * One page of the script's members, at most {@link #PAGE}; empty when script-svc
	 * answers 404.
	 */
	private Optional<JsonNode> page(UUID scriptId, int page) {
		try {
			HttpResponse<String> response = SystemReads.get(
					URI.create(baseUrl + "/scripts/" + scriptId + "/collaborators?size=" + PAGE + "&page=" + page),
					timeout, tokens, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 404) {
				return Optional.empty();
			}
			if (response.statusCode() != 200) {
				throw new AccessUnavailable("answered " + response.statusCode());
			}
			return Optional.of(JSON.readTree(response.body()));
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

	/**
	 * script-svc could not say who may see the script: the client (or the record) should
	 * try again shortly.
	 */
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	public static class AccessUnavailable extends AnotherServiceUnavailable {

		AccessUnavailable(String what) {
			super("Cannot confirm who may see the script right now: script-svc " + what + ". Try again shortly.");
		}

	}

}
