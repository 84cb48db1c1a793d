package io.fountain.eventing.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

import io.fountain.events.Topic;
import io.fountain.parents.ChildKind;
import io.fountain.parents.ParentKind;
import io.fountain.testing.Http;
import io.fountain.testing.TopicReader;

/**
 * The checks every child kind passes, run from its declaration ({@link ChildKind}, ADR
 * 15): for each of its parent kinds, and for the script when that is not one of them,
 * <ul>
 * <li><b>race</b>: children created while their parent is deleted all end deleted;</li>
 * <li><b>duplicate</b>: the parent's deletion delivered twice deletes each child
 * once;</li>
 * <li><b>out of order</b>: the parent's creation replayed after its deletion resurrects
 * nothing, and children are refused from then on;</li>
 * <li><b>cascade</b>: the script's deletion takes every child, each announced once.</li>
 * </ul>
 * Each asserts that work was done (children were made, each deletion is announced on the
 * kind's topic) as well as that nothing is left, so that none passes when every creation
 * is refused or nothing is deleted.
 * <p>
 * A service's integration test extends this and says how one child is created; the rest
 * (parents, their events, the table and columns to look in) comes from the declaration.
 */
public abstract class ChildKindContract extends ServiceIntegrationTest {

	private static final Duration DEADLINE = Duration.ofSeconds(20);

	/** How long "nothing more happens" is watched for. */
	private static final Duration QUIET = Duration.ofSeconds(2);

	private static final int CHILDREN = 3;

	@Autowired
	private ChildKind childKind;

	/**
	 * Creates one child under these parents (one of each parent kind of the declaration),
	 * answering the service's response: 201 when made, 404 when a parent is gone.
	 */
	protected abstract Http.Response createChild(UUID scriptId, Map<ParentKind, UUID> parents);

	/** Where the kind's own events are published. */
	protected abstract Topic childTopic();

	@TestFactory
	Stream<DynamicTest> everyParentsDeletionTakesItsChildren() {
		List<DynamicTest> checks = new ArrayList<>();
		for (ParentKind kind : childKind.parents().keySet()) {
			String of = childKind.table() + " under a " + kind + ": ";
			checks.add(dynamicTest(of + "children created while it is deleted all end deleted", () -> race(kind)));
			checks.add(dynamicTest(of + "its deletion delivered twice deletes each child once", () -> twice(kind)));
			checks.add(dynamicTest(of + "its creation replayed after its deletion resurrects nothing",
					() -> outOfOrder(kind)));
		}
		if (!childKind.parents().containsKey(ParentKind.SCRIPT)) {
			checks.add(dynamicTest(childKind.table() + ": the script's deletion takes every child, each announced once",
					this::scriptCascade));
		}
		return checks.stream();
	}

	private void race(ParentKind kind) throws Exception {
		UUID script = UUID.randomUUID();
		Map<ParentKind, UUID> parents = knownParents(script);
		List<UUID> made = Collections.synchronizedList(new ArrayList<>());
		try (TopicReader reader = new TopicReader(childTopic().topicName())) {
			DeletionRace.run(() -> {
				Http.Response response = createChild(script, parents);
				if (response.status() == 201) {
					made.add(UUID.fromString(response.json().get("id").asString()));
				}
				return response.status();
			}, () -> bed.send(kind.topic(), UpstreamEvents.deleted(kind, script, parents.get(kind))));

			awaitNoneUnder(kind, parents.get(kind));
			assertEachDeletedOnce(reader, script, made);
		}
	}

	private void twice(ParentKind kind) {
		UUID script = UUID.randomUUID();
		Map<ParentKind, UUID> parents = knownParents(script);
		List<UUID> made = createChildren(script, parents);
		assertThat(childrenUnder(kind, parents.get(kind))).as("children made").isEqualTo(CHILDREN);
		SpecificRecordBase deleted = UpstreamEvents.deleted(kind, script, parents.get(kind));

		try (TopicReader reader = new TopicReader(childTopic().topicName())) {
			bed.send(kind.topic(), deleted);
			bed.send(kind.topic(), deleted);

			awaitNoneUnder(kind, parents.get(kind));
			assertEachDeletedOnce(reader, script, made);
		}
	}

	private void outOfOrder(ParentKind kind) {
		UUID script = UUID.randomUUID();
		Map<ParentKind, UUID> parents = knownParents(script);
		List<UUID> made = List.of(ServiceTestBed.created(createChild(script, parents)));

		try (TopicReader reader = new TopicReader(childTopic().topicName())) {
			bed.send(kind.topic(), UpstreamEvents.deleted(kind, script, parents.get(kind)));
			bed.send(kind.topic(), UpstreamEvents.created(kind, script, parents.get(kind)));

			awaitNoneUnder(kind, parents.get(kind));
			assertEachDeletedOnce(reader, script, made);
			Http.Response late = createChild(script, parents);
			assertThat(late.status()).as("a child of a deleted " + kind + ": " + late).isEqualTo(404);
			assertThat(childrenUnder(kind, parents.get(kind))).isZero();
		}
	}

	private void scriptCascade() {
		UUID script = UUID.randomUUID();
		Map<ParentKind, UUID> parents = knownParents(script);
		List<UUID> made = createChildren(script, parents);
		assertThat(bed.rows(childKind.table(), script)).as("children made").isEqualTo(CHILDREN);

		try (TopicReader reader = new TopicReader(childTopic().topicName())) {
			bed.send(Topic.SCRIPT, UpstreamEvents.scriptDeleted(script));

			await().atMost(DEADLINE).until(() -> bed.rows(childKind.table(), script) == 0);
			assertEachDeletedOnce(reader, script, made);
		}
	}

	/**
	 * One parent of each kind of the declaration, in a new script, known to the service.
	 */
	private Map<ParentKind, UUID> knownParents(UUID script) {
		Map<ParentKind, UUID> parents = new EnumMap<>(ParentKind.class);
		for (ParentKind kind : childKind.parents().keySet()) {
			UUID id = kind == ParentKind.SCRIPT ? script : UUID.randomUUID();
			bed.learn(kind.topic(), UpstreamEvents.created(kind, script, id), kind.wire(), id);
			parents.put(kind, id);
		}
		return parents;
	}

	private List<UUID> createChildren(UUID script, Map<ParentKind, UUID> parents) {
		List<UUID> made = new ArrayList<>();
		for (int i = 0; i < CHILDREN; i++) {
			made.add(ServiceTestBed.created(createChild(script, parents)));
		}
		return made;
	}

	private void awaitNoneUnder(ParentKind kind, UUID parent) {
		await().atMost(DEADLINE).until(() -> childrenUnder(kind, parent) == 0);
		await().during(Duration.ofSeconds(1)).atMost(DEADLINE).until(() -> childrenUnder(kind, parent) == 0);
	}

	private int childrenUnder(ParentKind kind, UUID parent) {
		return jdbc.queryForObject("SELECT count(*) FROM " + childKind.table() + " WHERE "
				+ childKind.parents().get(kind).column() + " = ?", Integer.class, parent);
	}

	/**
	 * Every child made is announced deleted on the kind's topic, once, and nothing else
	 * is announced deleted: watched until it has held for a while.
	 */
	private void assertEachDeletedOnce(TopicReader reader, UUID script, List<UUID> made) {
		await().atMost(DEADLINE).until(() -> deletions(reader, script).size() >= made.size());
		await().during(QUIET).atMost(DEADLINE).until(() -> deletions(reader, script).size() == made.size());
		assertThat(deletions(reader, script)).as("children announced deleted")
			.containsExactlyInAnyOrderElementsOf(made);
	}

	/**
	 * The ids of the children the script's new records on the kind's topic announce
	 * deleted. Every entity's record names it in {@code <kind>Id} and carries a
	 * {@code <Kind>Deleted} payload when it goes (the published contract).
	 */
	private List<UUID> deletions(TopicReader reader, UUID script) {
		String idField = childKind.table() + "Id";
		return reader.keyed(script)
			.stream()
			.map(record -> (SpecificRecord) codec.decode(record.value(), childTopic().valueType()))
			.filter(event -> ((SpecificRecord) event.get(event.getSchema().getField("payload").pos())).getSchema()
				.getName()
				.endsWith("Deleted"))
			.map(event -> (UUID) event.get(event.getSchema().getField(idField).pos()))
			.toList();
	}

}
