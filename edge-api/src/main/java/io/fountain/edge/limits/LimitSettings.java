package io.fountain.edge.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits and quotas, prefix {@code fountain.edge.limits}: a token bucket per user, a
 * stricter one per client address for calls without a token, and a quota of scripts each
 * user may create a day.
 *
 * @param perUser requests a user may make in a burst, refilled at that many per
 * {@code perUserPeriod}
 * @param perAddress requests without a token one address may make in a burst, refilled
 * likewise
 * @param scriptsPerDay scripts ({@code POST /scripts} or {@code POST /plays}) a user may
 * create in a day
 * @param inMemory how much of a bucket an edge may decide without asking the database
 */
@ConfigurationProperties("fountain.edge.limits")
public record LimitSettings(@DefaultValue("true") boolean enabled, @DefaultValue("300") long perUser,
		@DefaultValue("1m") Duration perUserPeriod, @DefaultValue("30") long perAddress,
		@DefaultValue("1m") Duration perAddressPeriod, @DefaultValue("500") long scriptsPerDay,
		@DefaultValue InMemory inMemory) {

	/**
	 * Rate-limit buckets decided in memory while they have plenty of tokens left
	 * ({@code fountain.edge.limits.in-memory}): see {@link SharedBuckets}. The daily
	 * quota never is.
	 *
	 * @param headroom a bucket with this many tokens left or fewer, and every bucket no
	 * larger, is decided by the database on every request
	 * @param tokens the most tokens an edge takes from a bucket in memory before it
	 * writes them to the database: also the most requests an edge can let through beyond
	 * a limit
	 * @param interval the longest an edge decides from its copy of a bucket before
	 * reading the database's again
	 * @param buckets the most buckets an edge keeps a copy of (the least recently used go
	 * first)
	 */
	public record InMemory(@DefaultValue("50") long headroom, @DefaultValue("20") long tokens,
			@DefaultValue("500ms") Duration interval, @DefaultValue("10000") int buckets) {
	}
}
