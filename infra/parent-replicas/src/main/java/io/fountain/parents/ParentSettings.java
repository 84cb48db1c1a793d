package io.fountain.parents;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of a service's parent replicas, prefix {@code fountain.parents}.
 *
 * @param sources where to confirm a parent this service has not heard of yet, by parent
 * kind ({@code script}, {@code act}, {@code scene}, {@code character})
 * @param reconciliationInterval how often to look for children of deleted parents
 * ({@code 0} turns it off)
 */
@ConfigurationProperties("fountain.parents")
public record ParentSettings(@DefaultValue Map<ParentKind, Source> sources,
		@DefaultValue("60s") Duration reconciliationInterval) {

	/**
	 * The service that owns a kind of parent: {@code GET <url>/<collection>/<id>} answers
	 * 200 (with a {@code scriptId}) or 404.
	 */
	public record Source(String owner, String url, String collection, @DefaultValue("3s") Duration timeout) {
	}
}
