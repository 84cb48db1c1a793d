package io.fountain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.fountain.callers.Caller;
import io.fountain.testing.FountainTestEnvironment;

/**
 * The one check every route makes, on a real database: who may read, change, delete and
 * share a script.
 */
@SpringBootTest
class ScriptAccessIntegrationTests {

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		FountainTestEnvironment.register(registry, "access");
	}

	@Autowired
	ScriptAccess access;

	@Autowired
	TransactionTemplate transactions;

	private final UUID script = UUID.randomUUID();

	@Test
	void theOwnerMayDoEverythingCollaboratorsTheirRoleAndAnyoneElseGetsTheRoutesOwn404() {
		transactions.executeWithoutResult(status -> {
			access.learnCreated(script, "ada");
			access.learnCollaborators(script, Map.of("ed", Role.EDITOR, "vi", Role.VIEWER));
		});

		assertThat(as("ada", () -> access.require(script, Need.OWN, Hidden::new))).isEqualTo(Role.OWNER);
		assertThat(as("ed", () -> access.require(script, Need.WRITE, Hidden::new))).isEqualTo(Role.EDITOR);
		assertThat(as("vi", () -> access.require(script, Need.READ, Hidden::new))).isEqualTo(Role.VIEWER);
		assertThatThrownBy(() -> as("vi", () -> access.require(script, Need.WRITE, Hidden::new)))
			.isInstanceOf(NotAllowed.class);
		assertThatThrownBy(() -> as("ed", () -> access.require(script, Need.OWN, Hidden::new)))
			.isInstanceOf(NotAllowed.class);
		assertThatThrownBy(() -> as("mallory", () -> access.require(script, Need.READ, Hidden::new)))
			.isInstanceOf(Hidden.class);
		assertThatThrownBy(() -> access.require(script, Need.READ, Hidden::new)).as("no caller at all")
			.isInstanceOf(Hidden.class);
		assertThat(as(Caller.system(), () -> access.require(script, Need.OWN, Hidden::new))).isNull();
		assertThat(access.scriptsOf("vi")).contains(script);
	}

	@Test
	void aNewListOfCollaboratorsReplacesTheOldAndADeletedScriptIsNobodysEvenIfItsCreationComesAgain() {
		transactions.executeWithoutResult(status -> {
			access.learnCreated(script, "ada");
			access.learnCollaborators(script, Map.of("ed", Role.EDITOR));
			access.learnCollaborators(script, Map.of("vi", Role.VIEWER));
		});
		assertThat(access.roleOf(script, "ed")).isEmpty();
		assertThat(access.membersOf(script)).hasValue(Map.of("ada", Role.OWNER, "vi", Role.VIEWER));

		transactions.executeWithoutResult(status -> {
			access.learnDeleted(script);
			access.learnCreated(script, "ada"); // a replay from the start of the topic
		});
		assertThat(access.roleOf(script, "ada")).isEmpty();
		assertThatThrownBy(() -> as("ada", () -> access.require(script, Need.READ, Hidden::new)))
			.isInstanceOf(Hidden.class);
		assertThat(as("ada", () -> access.requireEvenIfDeleted(script, Need.READ, Hidden::new))).isEqualTo(Role.OWNER);
		assertThat(access.scriptsOf("ada")).doesNotContain(script);
	}

	private static <T> T as(String user, java.util.function.Supplier<T> work) {
		return as(Caller.user(user, Set.of()), work);
	}

	private static <T> T as(Caller caller, java.util.function.Supplier<T> work) {
		try (Caller.Scope bound = Caller.bind(caller)) {
			return work.get();
		}
	}

	static final class Hidden extends RuntimeException {

	}

}
