package io.fountain.parents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
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
 * What the capabilities keep for messages only goes with the mechanics' own record of
 * applied events, past the same horizon: each declares it as a {@code Remembered}, and
 * one {@link Forgetting} asks them all.
 */
@SpringBootTest
class ForgettingTombstonesIntegrationTests {

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		FountainTestEnvironment.register(registry, "parents");
	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Forgetting forgetting;

	/**
	 * Tombstones of parents and scripts go the same way, and only past the same horizon.
	 */
	@Test
	void tombstonesPastTheHorizonAreForgottenWithTheirScriptsAccessAndNewerOnesStay() {
		UUID oldParent = UUID.randomUUID();
		UUID newParent = UUID.randomUUID();
		UUID oldScript = UUID.randomUUID();
		UUID newScript = UUID.randomUUID();
		for (UUID parent : List.of(oldParent, newParent)) {
			jdbc.update("INSERT INTO known_parent (kind, id, script_id, deleted) VALUES ('act', ?, ?, true)", parent,
					UUID.randomUUID());
		}
		for (UUID script : List.of(oldScript, newScript)) {
			jdbc.update("INSERT INTO script_known (script_id, deleted, deleted_at) VALUES (?, true, now())", script);
			jdbc.update("INSERT INTO script_access (script_id, user_id, role) VALUES (?, 'ada', 'owner')", script);
		}
		age("known_parent", "updated_at", "id", oldParent, forgetting.horizon().plusHours(1));
		age("known_parent", "updated_at", "id", newParent, forgetting.horizon().minusHours(1));
		age("script_known", "deleted_at", "script_id", oldScript, forgetting.horizon().plusHours(1));
		age("script_known", "deleted_at", "script_id", newScript, forgetting.horizon().minusHours(1));

		assertThat(forgetting.forget()).isGreaterThanOrEqualTo(2);

		assertThat(count("known_parent", "id", oldParent)).isZero();
		assertThat(count("known_parent", "id", newParent)).isOne();
		assertThat(count("script_known", "script_id", oldScript) + count("script_access", "script_id", oldScript))
			.isZero();
		assertThat(count("script_known", "script_id", newScript) + count("script_access", "script_id", newScript))
			.isEqualTo(2);
	}

	private void age(String table, String column, String idColumn, UUID id, Duration age) {
		assertThat(jdbc.update(
				"UPDATE " + table + " SET " + column + " = now() - make_interval(secs => ?) WHERE " + idColumn + " = ?",
				(double) age.toSeconds(), id))
			.isOne();
	}

	private int count(String table, String idColumn, UUID id) {
		return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE " + idColumn + " = ?", Integer.class, id);
	}

}
