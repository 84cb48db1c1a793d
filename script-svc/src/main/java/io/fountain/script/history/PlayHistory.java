package io.fountain.script.history;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.fountain.events.Topic;
import io.fountain.problems.paging.Page;
import io.fountain.problems.paging.Paging;

/**
 * The play's history: every creation, change and deletion of the play and its parts, who
 * made it, when, and from which command or cascade (the correlation id), recorded from
 * the events as they are published (script-svc's own) or consumed (the other services').
 * It lasts as long as the play: the script's deletion removes it in the same transaction
 * ({@code Scripts.delete}), and what the cascade publishes after is not recorded.
 * <p>
 * The entries of one transaction (a poll of a thousand events in a saga or a cascade) are
 * written just before it commits, in one statement.
 */
@Repository
public class PlayHistory {

	private final JdbcTemplate jdbc;

	PlayHistory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One entry of the history.
	 *
	 * @param change {@code created}, {@code updated}, {@code deleted}, or for the script
	 * {@code shared} (its collaborators changed)
	 * @param event the event's type in the published contract
	 * @param fields what an update changed
	 * @param cause why a deletion happened ({@code REQUESTED}, {@code CASCADE},
	 * {@code RECONCILIATION})
	 */
	public record Entry(Instant at, String user, String kind, UUID id, String change, String event, List<String> fields,
			String cause, String correlationId, String causationId) {
	}

	/**
	 * Records a published event of the play (an entity's topic), in the caller's
	 * transaction, after the outbox stamped its envelope.
	 */
	public void record(SpecificRecord event) {
		Topic topic = topicOf(event);
		if (!topic.isEntityTopic()) {
			return;
		}
		SpecificRecord payload = (SpecificRecord) field(event, "payload");
		String kind = topic.name().toLowerCase(Locale.ROOT);
		String type = payload.getSchema().getName();
		buffer().rows.add(new Row((UUID) field(event, "eventId"), (UUID) field(event, "scriptId"),
				(Instant) field(event, "occurredAt"), String.valueOf(field(event, "actor")), kind,
				(UUID) field(event, kind + "Id"), change(type), type, fields(payload), text(payload, "cause"),
				text(event, "correlationId"), text(event, "causationId")));
	}

	/**
	 * The play's revision: the number of its newest entry (0 before the first). Entries
	 * are numbered in the order they commit, so every entry up to it is visible.
	 */
	public long revision(UUID scriptId) {
		List<Long> revision = jdbc.queryForList("SELECT revision FROM play_revision WHERE script_id = ?", Long.class,
				scriptId);
		return revision.isEmpty() ? 0 : revision.get(0);
	}

	/**
	 * The entries after a revision, oldest first, at most {@code limit}: what a change
	 * feed that has seen {@code after} has not.
	 */
	public List<Change> after(UUID scriptId, long after, int limit) {
		return jdbc.query("""
				SELECT revision, occurred_at, actor, kind, entity_id, change, event, fields, cause, correlation_id,
				       causation_id
				FROM play_history WHERE script_id = ? AND revision > ? ORDER BY revision LIMIT ?""",
				(rs, row) -> new Change(rs.getLong("revision"), entry(rs)), scriptId, after, limit);
	}

	/** An entry of the history with its place in the play's order. */
	public record Change(long revision, @JsonUnwrapped Entry entry) {
	}

	/** The history of a play, newest first, of one kind or user when asked. */
	public Page<Entry> of(UUID scriptId, Optional<String> kind, Optional<String> user, Paging paging) {
		String where = " WHERE script_id = ? AND (?::text IS NULL OR kind = ?) AND (?::text IS NULL OR actor = ?)";
		Object[] args = { scriptId, kind.orElse(null), kind.orElse(null), user.orElse(null), user.orElse(null) };
		long total = jdbc.queryForObject("SELECT count(*) FROM play_history" + where, Long.class, args);
		List<Entry> items = jdbc.query("""
				SELECT occurred_at, actor, kind, entity_id, change, event, fields, cause, correlation_id, causation_id
				FROM play_history""" + where + " ORDER BY occurred_at DESC, seq DESC LIMIT ? OFFSET ?",
				(rs, row) -> entry(rs), scriptId, kind.orElse(null), kind.orElse(null), user.orElse(null),
				user.orElse(null), paging.size(), paging.offset());
		return paging.of(items, total);
	}

	private static Entry entry(ResultSet rs) throws SQLException {
		return new Entry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("kind"),
				rs.getObject("entity_id", UUID.class), rs.getString("change"), rs.getString("event"),
				rs.getString("fields") == null ? List.of() : List.of(rs.getString("fields").split(",")),
				rs.getString("cause"), rs.getString("correlation_id"), rs.getString("causation_id"));
	}

	private static String change(String eventType) {
		if (eventType.endsWith("Created")) {
			return "created";
		}
		if (eventType.endsWith("Updated")) {
			return "updated";
		}
		if (eventType.endsWith("Deleted")) {
			return "deleted";
		}
		return "shared"; // CollaboratorsChanged, the one other change a play has
	}

	private Buffer buffer() {
		Buffer buffer = (Buffer) TransactionSynchronizationManager.getResource(this);
		if (buffer != null) {
			return buffer;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("The history is recorded in the transaction of the change it records");
		}
		Buffer fresh = new Buffer();
		TransactionSynchronizationManager.bindResource(this, fresh);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void beforeCommit(boolean readOnly) {
				write(fresh.rows);
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(PlayHistory.this);
			}
		});
		return fresh;
	}

	/**
	 * Every entry of the transaction in one statement, of plays that still exist (a
	 * cascade's events after the script's deletion are not history any more), each event
	 * once, numbered in its play's order: each play's revision is raised by its new
	 * entries (its row locked to the commit, so the numbers of one play are given in the
	 * order their transactions commit: a feed reading up to a revision never misses one
	 * that commits later with a lower number), plays in id order (no deadlock). The
	 * script's row is held (KEY SHARE) to the commit: a deletion of the play waits, and
	 * then takes these entries with the rest; one that came first leaves nothing to
	 * record.
	 */
	private void write(List<Row> rows) {
		if (rows.isEmpty()) {
			return;
		}
		jdbc.update(connection -> {
			var statement = connection.prepareStatement(
					"""
							WITH e AS (
							    SELECT e.*
							    FROM unnest(?::uuid[], ?::uuid[], ?::timestamptz[], ?::text[], ?::text[], ?::uuid[],
							                ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
							         AS e(event_id, script_id, occurred_at, actor, kind, entity_id, change, event, fields, cause,
							              correlation_id, causation_id, i)
							    WHERE EXISTS (SELECT 1 FROM script s WHERE s.id = e.script_id FOR KEY SHARE)
							      AND NOT EXISTS (SELECT 1 FROM play_history h WHERE h.event_id = e.event_id)),
							counts AS (SELECT script_id, count(*) AS n FROM e GROUP BY script_id),
							raised AS (
							    INSERT INTO play_revision (script_id, revision)
							    SELECT script_id, n FROM counts ORDER BY script_id
							    ON CONFLICT (script_id) DO UPDATE SET revision = play_revision.revision + EXCLUDED.revision
							    RETURNING script_id, revision)
							INSERT INTO play_history (event_id, script_id, occurred_at, actor, kind, entity_id, change, event,
							                          fields, cause, correlation_id, causation_id, revision)
							SELECT e.event_id, e.script_id, e.occurred_at, e.actor, e.kind, e.entity_id, e.change, e.event,
							       e.fields, e.cause, e.correlation_id, e.causation_id,
							       raised.revision - counts.n + row_number() OVER (PARTITION BY e.script_id ORDER BY e.i)
							FROM e JOIN counts USING (script_id) JOIN raised USING (script_id)
							ON CONFLICT (event_id) DO NOTHING""");
			statement.setArray(1, array(connection, "uuid", rows, Row::eventId));
			statement.setArray(2, array(connection, "uuid", rows, Row::scriptId));
			statement.setArray(3, array(connection, "timestamptz", rows, row -> Timestamp.from(row.at())));
			statement.setArray(4, array(connection, "text", rows, Row::user));
			statement.setArray(5, array(connection, "text", rows, Row::kind));
			statement.setArray(6, array(connection, "uuid", rows, Row::id));
			statement.setArray(7, array(connection, "text", rows, Row::change));
			statement.setArray(8, array(connection, "text", rows, Row::event));
			statement.setArray(9, array(connection, "text", rows, Row::fields));
			statement.setArray(10, array(connection, "text", rows, Row::cause));
			statement.setArray(11, array(connection, "text", rows, Row::correlationId));
			statement.setArray(12, array(connection, "text", rows, Row::causationId));
			return statement;
		});
	}

	private static Array array(Connection connection, String type, List<Row> rows, Function<Row, Object> column)
			throws SQLException {
		return connection.createArrayOf(type, rows.stream().map(column).toArray());
	}

	private static Topic topicOf(SpecificRecord event) {
		for (Topic topic : Topic.values()) {
			if (topic.valueType() == event.getClass()) {
				return topic;
			}
		}
		throw new IllegalArgumentException("Not an event of a Fountain topic: " + event.getSchema().getFullName());
	}

	private static Object field(SpecificRecord record, String name) {
		Schema.Field field = record.getSchema().getField(name);
		return field == null ? null : record.get(field.pos());
	}

	private static String text(SpecificRecord record, String name) {
		Object value = field(record, name);
		return value == null ? null : value.toString();
	}

	private static String fields(SpecificRecord payload) {
		Object changed = field(payload, "changed");
		if (!(changed instanceof List<?> list) || list.isEmpty()) {
			return null;
		}
		List<String> names = new ArrayList<>();
		list.forEach(name -> names.add(name.toString()));
		return String.join(",", names);
	}

	private record Row(UUID eventId, UUID scriptId, Instant at, String user, String kind, UUID id, String change,
			String event, String fields, String cause, String correlationId, String causationId) {
	}

	private static final class Buffer {

		final List<Row> rows = new ArrayList<>();

	}

}
