package io.fountain.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring Boot service under test at the real broker, the real registry and a
 * fresh database.
 */
public final class FountainTestEnvironment {

	private FountainTestEnvironment() {
	}

	public static TestDatabase register(DynamicPropertyRegistry registry, String service) {
		TestDatabase database = TestDatabase.create(service);
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::user);
		registry.add("spring.datasource.password", database::password);
		registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
		registry.add("fountain.eventing.registry-url", TestRegistry::url);
		return database;
	}

}
