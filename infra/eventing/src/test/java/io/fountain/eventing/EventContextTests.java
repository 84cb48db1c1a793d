package io.fountain.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventContextTests {

	@Test
	void aBoundContextIsCurrentUntilItsScopeClosesAndThenTheOuterOneIsBack() {
		EventContext outer = EventContext.command("c-1", "ada");
		EventContext inner = new EventContext("c-1", "event-1", "ada");

		try (EventContext.Scope o = EventContext.bind(outer)) {
			try (EventContext.Scope i = EventContext.bind(inner)) {
				assertThat(EventContext.current()).isEqualTo(inner);
			}
			assertThat(EventContext.current()).isEqualTo(outer);
		}
		assertThat(EventContext.current().actor()).isEqualTo(EventContext.SYSTEM);
	}

	@Test
	void withoutABoundContextWorkIsTheSystemsWithAFreshCorrelation() {
		assertThat(EventContext.current().actor()).isEqualTo("system");
		assertThat(EventContext.current().correlationId()).isNotEqualTo(EventContext.current().correlationId());
		assertThat(EventContext.current().causationId()).isNull();
	}

	@Test
	void aContextNeedsACorrelationAndAnActor() {
		assertThatThrownBy(() -> EventContext.command(" ", "ada")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> EventContext.command("c-1", null)).isInstanceOf(IllegalArgumentException.class);
	}

}
