package io.fountain.eventing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.fountain.callers.Caller;
import io.fountain.callers.CallerTokens;

/**
 * A service's reads of another service (a parent it has not heard of, who may see a
 * script, the parts of a play being imported): a GET as the system caller, with a
 * timeout. Reads only, never a request to act.
 */
public final class SystemReads {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private SystemReads() {
	}

	public static <T> HttpResponse<T> get(URI uri, Duration timeout, CallerTokens tokens,
			HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(uri)
			.timeout(timeout)
			.header(CallerTokens.HEADER, tokens.mint(Caller.system()))
			.GET()
			.build(), body);
	}

}
