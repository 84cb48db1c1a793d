package io.fountain.edge.routing;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import io.fountain.callers.CallerTokens;
import io.fountain.edge.security.EdgeCaller;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parts of a play that is being created (PENDING) or whose creation failed never show to
 * readers: a part read through the edge shows only when its play is ACTIVE, as script-svc
 * says. A play once ACTIVE stays readable until it is deleted (its parts then go anyway),
 * so ACTIVE plays are remembered, a bounded number of them.
 */
@Component
public class PlayVisibility {

	private static final int REMEMBERED = 10_000;

	private final Downstreams downstreams;

	private final JsonMapper json;

	private final Map<UUID, Boolean> active = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
			return size() > REMEMBERED;
		}
	});

	private final EdgeCaller caller;

	PlayVisibility(Downstreams downstreams, JsonMapper json, EdgeCaller caller) {
		this.caller = caller;
		this.downstreams = downstreams;
		this.json = json;
	}

	/**
	 * Whether a service's answer (a part, or a list of parts, each with its
	 * {@code scriptId}) may be shown.
	 */
	boolean showable(ResponseEntity<byte[]> answer) {
		if (answer.getStatusCode().value() != 200 || answer.getBody() == null || answer.getBody().length == 0) {
			return true;
		}
		Set<UUID> plays = new HashSet<>();
		try {
			JsonNode body = json.readTree(answer.getBody());
			if (body.isArray()) {
				body.forEach(item -> addScriptId(item, plays));
			}
			else {
				addScriptId(body, plays);
			}
		}
		catch (JacksonException notJson) {
			return true;
		}
		return plays.stream().allMatch(this::isActive);
	}

	/** Whether the play is ACTIVE: whole, and readable. */
	public boolean isActive(UUID scriptId) {
		if (active.containsKey(scriptId)) {
			return true;
		}
		RouteTable.Downstream script = downstreams.service("script");
		boolean isActive = downstreams.call(script,
				() -> downstreams.http()
					.get()
					.uri(script.baseUrl() + "/scripts/" + scriptId)
					.header(CallerTokens.HEADER, caller.systemToken())
					.exchange((request, response) -> response.getStatusCode().value() == 200
							&& "ACTIVE".equals(json.readTree(response.getBody()).path("status").asString(""))));
		if (isActive) {
			active.put(scriptId, true);
		}
		return isActive;
	}

	private static void addScriptId(JsonNode item, Set<UUID> plays) {
		JsonNode id = item.path("scriptId");
		if (id.isString()) {
			try {
				plays.add(UUID.fromString(id.asString()));
			}
			catch (IllegalArgumentException ignored) {
				// not a play's part
			}
		}
	}

}
