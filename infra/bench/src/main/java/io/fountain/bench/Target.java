package io.fountain.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.fountain.local.LocalStack;
import io.fountain.local.LocalTokens;
import io.fountain.local.Service;
import io.fountain.local.StackConfig;

/**
 * The system under measurement: one the benchmark started, or one already running with
 * the launcher's defaults. The benchmark acts as user {@code bench}, and as users
 * {@code bench-1} ... {@code bench-16} for the command load, each with a token of its own
 * ({@code tokens}: user to bearer token, as the local identity provider issues them).
 */
record Target(String edgeUrl, Map<Service, String> serviceUrls, Map<Service, String> jdbcUrls, String dbUser,
		String dbPassword, String bootstrapServers, Function<String, String> tokens) {

	static final String USER = "bench";

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
				stack.bootstrapServers(), user -> stack.token(user));
	}

	/**
	 * The stack ./infra/run-local runs, with the ports and database settings from the
	 * environment.
	 */
	static Target running(StackConfig config) {
		Map<Service, String> urls = new LinkedHashMap<>();
		Map<Service, String> jdbc = new LinkedHashMap<>();
		for (Service service : Service.values()) {
			urls.put(service, "http://127.0.0.1:" + config.port(service.shortName()));
			if (service.hasDatabase()) {
				jdbc.put(service, config.pgServerUrl() + config.database(service.shortName()));
			}
		}
		LocalTokens tokens = LocalTokens.in(config.dataDir());
		return new Target(urls.get(Service.EDGE), urls, jdbc, config.pgUser(), config.pgPassword(),
				"127.0.0.1:" + config.port("kafka"), user -> tokens.mint(user, List.of(), Duration.ofHours(8)));
	}

	/** A token of user {@code bench}. */
	String token() {
		return tokens.apply(USER);
	}

	/** A client of the edge speaking as {@code user}. */
	Edge edgeAs(String user) {
		return new Edge(edgeUrl, tokens.apply(user));
	}
}
