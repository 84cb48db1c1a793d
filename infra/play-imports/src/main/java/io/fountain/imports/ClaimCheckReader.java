package io.fountain.imports;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fountain.callers.CallerTokens;
import io.fountain.eventing.SystemReads;
import io.fountain.eventing.inbox.AnotherServiceUnavailable;

/**
 * Reads this service's part of a play being imported from script-svc's claim check. A
 * read, never a request to act: what to make was decided when the play was accepted, and
 * when to make it is decided by the script's Created event (ADR 13).
 * <p>
 * The parts under each of many parents (a scene's dialogue, for every scene of the play)
 * are read once for the whole play, as a family ({@code scenes/<any>/dialogues}), and
 * kept here for a short while: a play's scenes arrive one event each, and reading the
 * claim check once per scene made a feature-length play cost a few hundred requests to
 * script-svc per service. A claim check never changes, so what is kept is never stale;
 * once the import is over, what it would make again is made already, or refused under a
 * deleted parent.
 */
public class ClaimCheckReader {

	/** The JSON form of parts, shared by the writer (script-svc) and every reader. */
	public static final ObjectMapper JSON = new ObjectMapper()
		.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

	/**
	 * How long a family read is used: about as long as a play's parts take to arrive,
	 * even a long one's.
	 */
	private static final Duration KEEP = Duration.ofMinutes(2);

	private static final int MAX_FAMILIES = 16;

	private final String baseUrl;

	private final Duration timeout;

	private final CallerTokens tokens;

	/**
	 * Families read lately, by import, family and part type; the oldest go first (a few
	 * plays at a time at most).
	 */
	private final Map<String, Family> families = new ConcurrentHashMap<>();

	public ClaimCheckReader(ImportSettings settings, CallerTokens tokens) {
		this.tokens = tokens;
		this.baseUrl = settings.url().endsWith("/") ? settings.url().substring(0, settings.url().length() - 1)
				: settings.url();
		this.timeout = settings.timeout();
	}

	/**
	 * The parts at {@code path} of the import; empty when the import is over (the play is
	 * ACTIVE or FAILED, and its claim check gone): nothing is left to make.
	 * @throws ImportUnavailable when script-svc cannot answer now (the event is retried)
	 */
	public <T> Optional<List<T>> read(UUID importId, String path, Class<T> type) {
		String family = ClaimCheckParts.familyOf(path);
		if (family.equals(path)) {
			return fetch(importId, path, JSON.getTypeFactory().constructCollectionType(List.class, type));
		}
		return readFamily(importId, family, type).map(all -> all.getOrDefault(path, List.of()));
	}

	/**
	 * Every path of a family ({@code scenes/* /dialogues}, without the space) with its
	 * parts, in one read kept for a short while; empty when the import is over.
	 * @throws ImportUnavailable when script-svc cannot answer now (the event is retried)
	 */
	public <T> Optional<Map<String, List<T>>> readFamily(UUID importId, String family, Class<T> type) {
		Family parts = families.compute(importId + "/" + family + "/" + type.getName(), (key, known) -> {
			if (known != null && known.isFresh()) {
				return known;
			}
			JavaType byPath = JSON.getTypeFactory()
				.constructMapType(Map.class, JSON.getTypeFactory().constructType(String.class),
						JSON.getTypeFactory().constructCollectionType(List.class, type));
			return new Family(fetch(importId, family, byPath), System.nanoTime());
		});
		forgetOld();
		@SuppressWarnings("unchecked")
		Optional<Map<String, List<T>>> byPath = (Optional<Map<String, List<T>>>) (Optional<?>) parts.byPath();
		return byPath;
	}

	private void forgetOld() {
		if (families.size() > MAX_FAMILIES) {
			families.entrySet()
				.stream()
				.min(Comparator.comparingLong(e -> e.getValue().readAt()))
				.ifPresent(oldest -> families.remove(oldest.getKey(), oldest.getValue()));
		}
	}

	private <R> Optional<R> fetch(UUID importId, String path, JavaType type) {
		try {
			HttpResponse<byte[]> response = SystemReads.get(URI.create(baseUrl + "/imports/" + importId + "/" + path),
					timeout, tokens, HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() == 404) {
				return Optional.empty();
			}
			if (response.statusCode() != 200) {
				throw new ImportUnavailable("answered " + response.statusCode() + " for " + path);
			}
			return Optional.of(JSON.readValue(response.body(), type));
		}
		catch (IOException ex) {
			throw new ImportUnavailable("did not answer for " + path + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ImportUnavailable("was not asked: interrupted");
		}
	}

	/** A family as read: by path, or empty when the import was over. */
	private record Family(Optional<?> byPath, long readAt) {

		boolean isFresh() {
			return System.nanoTime() - readAt < KEEP.toNanos();
		}
	}

	/**
	 * script-svc could not hand over the parts now; the event that asked is retried, then
	 * dead-lettered.
	 */
	public static class ImportUnavailable extends AnotherServiceUnavailable {

		ImportUnavailable(String what) {
			super("Cannot read the play's parts from script-svc: it " + what);
		}

	}

}
