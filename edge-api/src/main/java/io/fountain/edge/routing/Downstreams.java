package io.fountain.edge.routing;

import java.util.Map;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import io.fountain.edge.EdgeSettings;

/**
 * The edge's one HTTP client to the services, with the connect and read timeouts of {@link EdgeSettings}; trace
 * context goes along on every call. A service that does not answer in time is a {@link DownstreamUnavailable}.
 */
@Component
public class Downstreams {

	private final RestClient http;

	private final Map<String, String> services;

	Downstreams(RestClient.Builder builder, EdgeSettings settings) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				java.net.http.HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
		requests.setReadTimeout(settings.readTimeout());
		this.http = builder.clone().requestFactory(requests).build();
		this.services = settings.services();
	}

	public RestClient http() {
		return http;
	}

	public RouteTable.Downstream service(String name) {
		String url = services.get(name);
		if (url == null) {
			throw new IllegalStateException("No URL for service '" + name + "' under fountain.edge.services");
		}
		return new RouteTable.Downstream(name, url);
	}

	/** Runs a call to {@code target}; a timeout or refused connection becomes a 503 naming it. */
	public <T> T call(RouteTable.Downstream target, java.util.function.Supplier<T> call) {
		try {
			return call.get();
		}
		catch (ResourceAccessException ex) {
			throw new DownstreamUnavailable(target, ex);
		}
	}

	/** A service did not answer in time: the client gets a 503 problem naming it. */
	public static final class DownstreamUnavailable extends RuntimeException {

		private final String service;

		DownstreamUnavailable(RouteTable.Downstream target, Exception cause) {
			super(target.serviceName() + " is unavailable (it did not answer in time). Try again shortly.", cause);
			this.service = target.serviceName();
		}

		public String service() {
			return service;
		}
	}
}
