package io.fountain.eventing.test;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

import io.fountain.eventing.serde.AvroCodec;
import io.fountain.testing.FountainTestEnvironment;
import io.fountain.testing.Http;

/**
 * A child service under test, whole: its HTTP API on a random port, the real broker,
 * registry and a fresh database; its parents' owners played by {@link UpstreamEvents} and
 * {@link ParentOwnerStandIn}. Reconciliation runs only when a test asks. Each test class
 * names its service and its parents' kinds in a {@code @DynamicPropertySource} calling
 * {@link #environment}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "fountain.parents.reconciliation-interval=0")
public abstract class ServiceIntegrationTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected AvroCodec codec;

	@Autowired
	protected JdbcTemplate jdbc;

	protected ServiceTestBed bed;

	protected Http http;

	protected static void environment(DynamicPropertyRegistry registry, String service, String... parentKinds) {
		FountainTestEnvironment.register(registry, service);
		for (String kind : parentKinds) {
			registry.add("fountain.parents.sources." + kind + ".url", ParentOwnerStandIn::url);
		}
	}

	@BeforeEach
	void openTestBed() {
		bed = new ServiceTestBed(port, codec, jdbc);
		http = bed.http();
	}

	@AfterEach
	void closeTestBed() {
		bed.close();
	}

}
