package io.fountain.edge.changes;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The play's change feed ({@code GET /scripts/{id}/changes}).
 *
 * @param pollInterval how often the edge asks script-svc for what is new in each play its
 * clients watch: the most a change waits before it is sent (plus the event hop)
 * @param heartbeat how often an idle stream gets a comment line, so that proxies keep it
 * open and a client knows the edge is there
 * @param maxStreamsPerUser streams one user may have open at once, across every edge
 * @param timeout how long a stream lasts before the edge ends it (a client reconnects
 * with Last-Event-ID and misses nothing)
 */
@ConfigurationProperties("fountain.edge.changes")
public record ChangeFeedSettings(@DefaultValue("200ms") Duration pollInterval, @DefaultValue("5s") Duration heartbeat,
		@DefaultValue("4") int maxStreamsPerUser, @DefaultValue("30m") Duration timeout) {

}
