package io.fountain.edge;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of edge-api, prefix {@code fountain.edge}.
 *
 * @param services base URL of each downstream service, by a short name (script, act, ...)
 * @param routes which service serves which path, most specific first
 * @param connectTimeout longest wait to connect to a service
 * @param readTimeout longest wait for a service's answer; past it the client gets a 503
 * naming the service
 * @param maxBodySize largest request body passed on (larger gets 413)
 */
@ConfigurationProperties("fountain.edge")
public record EdgeSettings(Map<String, String> services, List<Route> routes,
		@DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
		@DefaultValue("4MB") DataSize maxBodySize) {

	/**
	 * Requests whose path matches {@code pattern} (Spring path pattern syntax) go to
	 * {@code service}; a route may take larger bodies than {@code maxBodySize}
	 * ({@code POST /plays}: a whole screenplay).
	 */
	public record Route(String pattern, String service, DataSize maxBodySize) {
	}
}
