package io.fountain.edge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * edge-api: the one entry point for clients. Authenticates, limits, routes, and
 * aggregates reads; owns no play data (its database holds rate-limit buckets and
 * idempotency keys).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class EdgeApplication {

	public static void main(String[] args) {
		SpringApplication.run(EdgeApplication.class, args);
	}

}
