package io.fountain.eventing.imports;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fountain.callers.CallerTokens;
import io.fountain.eventing.SystemReads;

/**
 * Reads this service's part of a play being imported from script-svc's claim check. A read, never a request to act:
 * what to make was decided when the play was accepted, and when to make it is decided by the parent's Created event.
 */
public class ImportParts {

	/** The JSON form of parts, shared by the writer (script-svc) and every reader. */
	public static final ObjectMapper JSON = new ObjectMapper()
		.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

	private final String baseUrl;

	private final Duration timeout;

	private final CallerTokens tokens;

	public ImportParts(ImportSettings settings, CallerTokens tokens) {
		this.tokens = tokens;
		this.baseUrl = settings.url().endsWith("/") ? settings.url().substring(0, settings.url().length() - 1)
				: settings.url();
		this.timeout = settings.timeout();
	}

	/**
	 * The parts at {@code path} of the import; empty when the import is over (the play is ACTIVE or FAILED, and its
	 * claim check gone): nothing is left to make.
	 * @throws ImportUnavailable when script-svc cannot answer now (the event is retried)
	 */
	public <T> Optional<List<T>> read(UUID importId, String path, Class<T> type) {
		try {
			HttpResponse<byte[]> response = SystemReads.get(URI.create(baseUrl + "/imports/" + importId + "/" + path),
					timeout, tokens, HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() == 404) {
				return Optional.empty();
			}
			if (response.statusCode() != 200) {
				throw new ImportUnavailable("answered " + response.statusCode() + " for " + path);
			}
			return Optional.of(JSON.readValue(response.body(),
					JSON.getTypeFactory().constructCollectionType(List.class, type)));
		}
		catch (IOException ex) {
			throw new ImportUnavailable("did not answer for " + path + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ImportUnavailable("was not asked: interrupted");
		}
	}

	/** script-svc could not hand over the parts now; the event that asked is retried, then dead-lettered. */
	public static class ImportUnavailable extends RuntimeException {

		ImportUnavailable(String what) {
			super("Cannot read the play's parts from script-svc: it " + what);
		}
	}
}
