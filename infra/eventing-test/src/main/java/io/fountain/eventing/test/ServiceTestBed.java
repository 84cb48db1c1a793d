package io.fountain.eventing.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.springframework.jdbc.core.JdbcTemplate;

import io.fountain.callers.Caller;
import io.fountain.callers.CallerTokens;
import io.fountain.eventing.serde.AvroCodec;
import io.fountain.events.Topic;
import io.fountain.testing.Http;
import io.fountain.testing.TopicReader;

/**
 * What a service's integration test works with: the service's HTTP API (as the system,
 * which may touch any script; {@link #httpAs} for a user), its upstream topics, its
 * database, and its own topics as a downstream consumer reads them.
 */
public final class ServiceTestBed implements AutoCloseable {

	private final Http http;

	private final UpstreamEvents upstream;

	private final AvroCodec codec;

	private final JdbcTemplate jdbc;

	public ServiceTestBed(int port, AvroCodec codec, JdbcTemplate jdbc) {
		this.http = new Http("http://localhost:" + port, callerHeaders(Caller.system()));
		this.upstream = new UpstreamEvents(codec);
		this.codec = codec;
		this.jdbc = jdbc;
	}

	/**
	 * The service's API as the system calls it: every script is its to read and change.
	 */
	public Http http() {
		return http;
	}

	/** The service's API as this user calls it through the edge. */
	public Http httpAs(String user) {
		return http.withHeaders(callerHeaders(Caller.user(user, Set.of())));
	}

	/**
	 * The headers the edge adds to a request for this caller (signed with the built-in
	 * local secret).
	 */
	public static Map<String, String> callerHeaders(Caller caller) {
		return Map.of(CallerTokens.HEADER,
				new CallerTokens(CallerTokens.LOCAL_ONLY_SECRET).mint(caller, Duration.ofHours(2)));
	}

	/** Publishes an upstream event as its owner would. */
	public void send(Topic topic, SpecificRecordBase event) {
		upstream.send(topic, event);
	}

	/** Publishes a parent's creation and waits until the service has learned of it. */
	public UUID learn(Topic topic, SpecificRecordBase created, String kind, UUID id) {
		upstream.send(topic, created);
		await().atMost(Duration.ofSeconds(20)).until(() -> knows(kind, id));
		return id;
	}

	public boolean knows(String kind, UUID id) {
		return jdbc.queryForObject("SELECT count(*) FROM known_parent WHERE kind = ? AND id = ?", Integer.class, kind,
				id) == 1;
	}

	/** Rows of a table of the service that belong to the script. */
	public int rows(String table, UUID scriptId) {
		return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE script_id = ?", Integer.class, scriptId);
	}

	/** The id of what a POST created, after checking it answered 201. */
	public static UUID created(Http.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return UUID.fromString(response.json().get("id").asString());
	}

	/** The script's events on a topic so far, decoded. */
	public <E extends SpecificRecord> List<E> events(TopicReader reader, Class<E> type, UUID scriptId) {
		return reader.keyed(scriptId).stream().map(record -> codec.decode(record.value(), type)).toList();
	}

	/**
	 * The payloads of the script's events on a topic so far that are of the given type.
	 */
	public <P> List<P> payloads(TopicReader reader, Topic topic, UUID scriptId, Class<P> payloadType) {
		return reader.keyed(scriptId)
			.stream()
			.map(record -> codec.decode(record.value(), topic.valueType()))
			.map(event -> event.get(event.getSchema().getField("payload").pos()))
			.filter(payloadType::isInstance)
			.map(payloadType::cast)
			.toList();
	}

	@Override
	public void close() {
		upstream.close();
	}

}
