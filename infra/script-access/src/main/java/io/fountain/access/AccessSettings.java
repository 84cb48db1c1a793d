package io.fountain.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of script access, prefix {@code fountain.access}.
 *
 * @param replica whether this service keeps a replica of who may see each script, from
 * script events ({@code true} in every service but script-svc, which keeps the record
 * itself)
 * @param url base URL of script-svc, asked about a script whose creation has not reached
 * the replica yet
 * @param timeout longest wait for script-svc's answer (past it the request is a 503, the
 * record retried)
 */
@ConfigurationProperties("fountain.access")
public record AccessSettings(@DefaultValue("true") boolean replica, @DefaultValue("http://127.0.0.1:8081") String url,
		@DefaultValue("5s") Duration timeout) {
}
