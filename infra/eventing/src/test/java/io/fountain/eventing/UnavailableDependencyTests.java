package io.fountain.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import io.fountain.eventing.inbox.AnotherServiceUnavailable;

/**
 * Which failures get the long retries (something needed is away) rather than the short
 * ones and a dead letter.
 */
class UnavailableDependencyTests {

	@Test
	void aDatabaseOrAServiceThatIsAwayIsWaitedForAndAnythingElseIsNot() {
		assertThat(EventingAutoConfiguration.causedByAnUnavailableService(new ListenerExecutionFailedException("x",
				new CannotCreateTransactionException("no connection", new SQLException("refused", "08001")))))
			.isTrue();
		assertThat(EventingAutoConfiguration.causedByAnUnavailableService(new ListenerExecutionFailedException("x",
				new IllegalStateException("wrapped", new SQLException("terminated by administrator", "57P01")))))
			.isTrue();
		assertThat(EventingAutoConfiguration.causedByAnUnavailableService(
				new ListenerExecutionFailedException("x", new AnotherServiceUnavailable("script-svc did not answer"))))
			.isTrue();

		assertThat(EventingAutoConfiguration.causedByAnUnavailableService(
				new ListenerExecutionFailedException("x", new IllegalStateException("a bug"))))
			.isFalse();
		assertThat(EventingAutoConfiguration.causedByAnUnavailableService(new SQLException("duplicate key", "23505")))
			.isFalse();
	}

}
