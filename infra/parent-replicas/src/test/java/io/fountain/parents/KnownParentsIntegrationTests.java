package io.fountain.parents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.fountain.testing.FountainTestEnvironment;

/**
 * The replica's set-wise steps, which an imported play takes for all its parents at once
 * (issue 14): they answer as the one-parent steps would for each.
 */
@SpringBootTest
class KnownParentsIntegrationTests {

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		FountainTestEnvironment.register(registry, "parents");
	}

	@Autowired
	KnownParents known;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void learningManyParentsAtOnceRecordsTheNewOnesWithTheirNamesAndLeavesATombstoneDeleted() {
		UUID script = UUID.randomUUID();
		UUID ada = UUID.randomUUID();
		UUID unnamed = UUID.randomUUID();
		UUID gone = UUID.randomUUID();
		known.learnDeleted(ParentKind.CHARACTER, gone, script);
		Map<UUID, String> names = new HashMap<>();
		names.put(ada, "ADA");
		names.put(unnamed, null);
		names.put(gone, "GONE");

		known.learnAllLive(ParentKind.CHARACTER, script, names);

		assertThat(known.find(ParentKind.CHARACTER, ada)).hasValueSatisfying(parent -> {
			assertThat(parent.name()).isEqualTo("ADA");
			assertThat(parent.scriptId()).isEqualTo(script);
			assertThat(parent.deleted()).isFalse();
		});
		assertThat(known.find(ParentKind.CHARACTER, unnamed)).hasValueSatisfying(parent -> {
			assertThat(parent.name()).isNull();
			assertThat(parent.deleted()).isFalse();
		});
		assertThat(known.find(ParentKind.CHARACTER, gone)).hasValueSatisfying(parent -> {
			assertThat(parent.deleted()).isTrue();
			assertThat(parent.name()).isNull();
		});
	}

	@Test
	void lockingManyParentsAnswersThoseLiveAndHoldsTheirRowsToTheCommit() {
		UUID script = UUID.randomUUID();
		UUID deletedScript = UUID.randomUUID();
		UUID live = UUID.randomUUID();
		UUID alsoLive = UUID.randomUUID();
		UUID deleted = UUID.randomUUID();
		UUID underDeletedScript = UUID.randomUUID();
		UUID unknown = UUID.randomUUID();
		known.learnAllLive(ParentKind.SCENE, script, unnamed(live, alsoLive, deleted));
		known.learnDeleted(ParentKind.SCENE, deleted, script);
		known.learnAllLive(ParentKind.SCENE, deletedScript, unnamed(underDeletedScript));
		jdbc.update("INSERT INTO script_known (script_id, deleted, deleted_at) VALUES (?, true, now())", deletedScript);

		List<UUID> asked = List.of(live, deleted, underDeletedScript, unknown, alsoLive);
		transactions.executeWithoutResult(status -> {
			assertThat(known.lockThoseLive(ParentKind.SCENE, asked)).containsExactlyInAnyOrder(live, alsoLive);
			// Held: another transaction cannot take the live rows, and still can the
			// others.
			assertThat(lockedElsewhere(live)).isTrue();
			assertThat(lockedElsewhere(alsoLive)).isTrue();
			assertThat(lockedElsewhere(underDeletedScript)).isFalse();
		});
		assertThat(lockedElsewhere(live)).isFalse();
		transactions.executeWithoutResult(status -> {
			assertThat(known.lockAllIfLive(ParentKind.SCENE, List.of(live, alsoLive))).isTrue();
			assertThat(known.lockAllIfLive(ParentKind.SCENE, List.of(live, deleted))).isFalse();
		});
	}

	/** Whether another transaction finds the parent's row locked. */
	private boolean lockedElsewhere(UUID id) {
		TransactionTemplate another = new TransactionTemplate(transactions.getTransactionManager());
		another.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return Boolean.TRUE.equals(another.execute(status -> jdbc
			.queryForList("SELECT id FROM known_parent WHERE id = ? FOR UPDATE SKIP LOCKED", UUID.class, id)
			.isEmpty()));
	}

	private static Map<UUID, String> unnamed(UUID... ids) {
		Map<UUID, String> names = new HashMap<>();
		for (UUID id : ids) {
			names.put(id, null);
		}
		return names;
	}

}
