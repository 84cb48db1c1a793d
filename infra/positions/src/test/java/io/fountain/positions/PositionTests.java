package io.fountain.positions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PositionTests {

	@Test
	void betweenTwoKeysThereIsAlwaysAnotherAndItIsValid() {
		Random random = new Random(42);
		List<String> keys = new ArrayList<>(List.of(Position.atEnd(Instant.parse("2026-01-01T00:00:00Z"), null)));
		for (int i = 0; i < 2_000; i++) {
			int at = random.nextInt(keys.size() + 1);
			String lower = at == 0 ? null : keys.get(at - 1);
			String upper = at == keys.size() ? null : keys.get(at);
			String key = upper == null ? Position.atEnd(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), lower)
					: Position.between(lower, upper);
			assertThat(Position.isValid(key)).as(key).isTrue();
			if (lower != null) {
				assertThat(key).isGreaterThan(lower);
			}
			if (upper != null) {
				assertThat(key).isLessThan(upper);
			}
			keys.add(at, key);
		}
		assertThat(keys).isSorted();
	}

	@Test
	void appendsFromAnyServiceSortInTheOrderTheyHappened() {
		Instant t = Instant.parse("2026-11-22T10:00:00Z");
		String first = Position.atEnd(t, null);
		String second = Position.atEnd(t.plusNanos(1_000), null);
		String third = Position.atEnd(t.plusSeconds(3600), null);

		assertThat(List.of(first, second, third)).isSorted();
	}

	@Test
	void anInsertedKeySortsBeforeLaterAppends() {
		Instant t = Instant.parse("2026-11-22T10:00:00Z");
		String a = Position.atEnd(t, null);
		String b = Position.atEnd(t.plusSeconds(1), null);
		String inserted = Position.between(a, b);
		String atStart = Position.between(null, a);

		assertThat(List.of(atStart, a, inserted, b, Position.atEnd(t.plusSeconds(2), null))).isSorted();
	}

	@Test
	void aClockBehindTheLastElementStillAppendsAfterIt() {
		String last = Position.atEnd(Instant.parse("2026-11-22T10:00:00Z"), null);

		assertThat(Position.atEnd(Instant.parse("2026-11-22T09:59:00Z"), last)).isGreaterThan(last);
	}

	@Test
	void keysOutOfOrderOrMalformedAreRefused() {
		assertThatThrownBy(() -> Position.between("b", "a")).hasMessageContaining("must come after");
		assertThatThrownBy(() -> Position.between("a-b", null)).hasMessageContaining("not a position");
		assertThat(Position.isValid("V0")).isFalse();
		assertThat(Position.isValid("")).isFalse();
	}

	@Test
	void importedElementsSortInIndexOrderBeforeAnythingAddedLaterAndLeaveRoomBetween() {
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 5000; i++) {
			keys.add(Position.ofIndex(i));
		}
		assertThat(keys).isSorted().doesNotHaveDuplicates().allMatch(Position::isValid);
		assertThat(Position.ofIndex(4999)).isLessThan(Position.atEnd(Instant.parse("2026-01-01T00:00:00Z"), null));
		assertThat(Position.between(Position.ofIndex(3), Position.ofIndex(4))).isGreaterThan(Position.ofIndex(3))
			.isLessThan(Position.ofIndex(4));
	}

}
