package io.fountain.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.fountain.eventing.inbox.Forgetting;
import io.fountain.testing.FountainTestEnvironment;

/**
 * A part refused once is remembered only while a message could ask for it again: past the
 * mechanics' horizon the refusal goes, with the applied events, when the service's one
 * {@link Forgetting} runs.
 */
@SpringBootTest
class ForgettingRejectionsIntegrationTests {

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		FountainTestEnvironment.register(registry, "imports");
	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Forgetting forgetting;

	@Test
	void aRefusalPastTheHorizonIsForgottenAndANewerOneStays() {
		UUID oldImport = UUID.randomUUID();
		UUID newImport = UUID.randomUUID();
		for (UUID importId : new UUID[] { oldImport, newImport }) {
			jdbc.update("INSERT INTO import_rejection (import_id, part, element) VALUES (?, 'acts', 'act 1')",
					importId);
		}
		age(oldImport, forgetting.horizon().plusHours(1));
		age(newImport, forgetting.horizon().minusHours(1));

		assertThat(forgetting.forget()).isGreaterThanOrEqualTo(1);

		assertThat(count(oldImport)).as("past the horizon: forgotten").isZero();
		assertThat(count(newImport)).as("inside it: kept").isOne();
	}

	private void age(UUID importId, Duration age) {
		assertThat(jdbc.update(
				"UPDATE import_rejection SET rejected_at = now() - make_interval(secs => ?)" + " WHERE import_id = ?",
				(double) age.toSeconds(), importId))
			.isOne();
	}

	private int count(UUID importId) {
		return jdbc.queryForObject("SELECT count(*) FROM import_rejection WHERE import_id = ?", Integer.class,
				importId);
	}

}
