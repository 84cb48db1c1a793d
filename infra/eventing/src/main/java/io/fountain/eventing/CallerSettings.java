package io.fountain.eventing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service knows the calls of other Fountain services, prefix
 * {@code fountain.callers}.
 *
 * @param secret the HS256 key that signs and checks caller tokens, shared by the edge and
 * every service (locally a built-in one, with a warning: see {@link EventingDefaults})
 */
@ConfigurationProperties("fountain.callers")
public record CallerSettings(@DefaultValue("") String secret) {
}
