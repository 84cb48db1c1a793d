package io.fountain.imports;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of a service's part in importing plays, prefix {@code fountain.imports}.
 *
 * @param url base URL of script-svc, which keeps the parts of a play being imported
 * @param timeout longest wait for script-svc's answer (past it the event is retried, then
 * dead-lettered)
 * @param maxPerParent the most entities this service makes under one parent in one import
 * (acts of a script, scenes of an act, elements of a scene, characters of a script); an
 * import beyond it is rejected and the play fails
 */
@ConfigurationProperties("fountain.imports")
public record ImportSettings(@DefaultValue("http://127.0.0.1:8081") String url, @DefaultValue("5s") Duration timeout,
		@DefaultValue("2000") int maxPerParent) {
}
