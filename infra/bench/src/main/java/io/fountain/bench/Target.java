package io.fountain.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import io.fountain.local.LocalStack;
import io.fountain.local.LocalTokens;
import io.fountain.local.Service;
import io.fountain.local.StackConfig;

/**
 * The system under measurement: one the benchmark started, or one already running with the launcher's defaults; the
 * benchmark acts as user {@code bench}.
 */
record Target(String edgeUrl, Map<Service, String> serviceUrls, Map<Service, String> jdbcUrls, String dbUser,
		String dbPassword, String bootstrapServers, String token) {

	static Target of(LocalStack stack) {
		Map<Service, String> urls = new LinkedHashMap<>();
		Map<Service, String> jdbc = new LinkedHashMap<>();
		for (Service service : Service.values()) {
			urls.put(service, stack.url(service));
			if (service.hasDatabase()) {
				jdbc.put(service, stack.jdbcUrl(service));
			}
		}
		return new Target(stack.edgeUrl(), urls, jdbc, stack.databaseUser(), stack.databasePassword(),
				stack.bootstrapServers(), stack.token("bench"));
	}

	/** The stack ./infra/run-local runs, with the ports and database settings from the environment. */
	static Target running(StackConfig config) {
		Map<Service, String> urls = new LinkedHashMap<>();
		Map<Service, String> jdbc = new LinkedHashMap<>();
		for (Service service : Service.values()) {
			urls.put(service, "http://127.0.0.1:" + config.port(service.shortName()));
			if (service.hasDatabase()) {
				jdbc.put(service, config.pgServerUrl() + config.database(service.shortName()));
			}
		}
		return new Target(urls.get(Service.EDGE), urls, jdbc, config.pgUser(), config.pgPassword(),
				"127.0.0.1:" + config.port("kafka"),
				LocalTokens.in(config.dataDir()).mint("bench", java.util.List.of(), java.time.Duration.ofHours(8)));
	}
}
