package io.fountain.edge.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits and quotas, prefix {@code fountain.edge.limits}: a token bucket per user, a stricter one per client
 * address for calls without a token, and a quota of scripts each user may create a day.
 *
 * @param perUser requests a user may make in a burst, refilled at that many per {@code perUserPeriod}
 * @param perAddress requests without a token one address may make in a burst, refilled likewise
 * @param scriptsPerDay scripts ({@code POST /scripts} or {@code POST /plays}) a user may create in a day
 */
@ConfigurationProperties("fountain.edge.limits")
public record LimitSettings(@DefaultValue("true") boolean enabled, @DefaultValue("300") long perUser,
		@DefaultValue("1m") Duration perUserPeriod, @DefaultValue("30") long perAddress,
		@DefaultValue("1m") Duration perAddressPeriod, @DefaultValue("500") long scriptsPerDay) {
}
