package io.fountain.edge.ops;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the operations views, prefix {@code fountain.ops}.
 *
 * @param enabled whether edge-api watches Kafka for {@code /ops} (it needs
 * {@code spring.kafka.bootstrap-servers})
 * @param pollInterval how often consumer groups' offsets are sampled
 * @param window how many samples a group's status is judged over (like Burrow's window)
 */
@ConfigurationProperties("fountain.ops")
public record OpsSettings(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration pollInterval,
		@DefaultValue("10") int window) {
}
