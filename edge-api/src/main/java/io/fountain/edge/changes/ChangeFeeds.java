package io.fountain.edge.changes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.fountain.callers.Caller;
import io.fountain.edge.security.EdgeCaller;
import io.fountain.edge.tree.PlayTrees;
import tools.jackson.databind.JsonNode;

/**
 * The change feeds this edge serves: for each play its clients watch, the edge asks
 * script-svc every {@link ChangeFeedSettings#pollInterval()} for the play's history after
 * the oldest position any of its streams has seen, and sends each stream the entries past
 * its own position, in the play's order (the history's revision, which is each event's
 * SSE id). Every edge does this for its own clients, so several edges each serve every
 * change to theirs; the history, not the edge, is what a stream resumes from.
 * <p>
 * A collaborators' change in the feed has every stream's access asked again before
 * anything after it is sent: a collaborator removed gets no more. When script-svc answers
 * 404 for a stream's user (the play was deleted, or is no longer theirs), that stream is
 * told and ends.
 */
@Component
public class ChangeFeeds implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ChangeFeeds.class);

	static final String GONE = "The play was deleted, or you may no longer read it";

	static final String UNCONFIRMED = "Whether you may still read the play could not be confirmed: reconnect with "
			+ "Last-Event-ID";

	private final PlayTrees reads;

	private final EdgeCaller callers;

	private final OpenStreams open;

	private final Map<UUID, List<Stream>> watched = new ConcurrentHashMap<>();

	private final ScheduledExecutorService clock = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("change-feeds").daemon().factory());

	/**
	 * Heartbeats on a thread of their own: a slow poll does not make streams look dead.
	 */
	private final ScheduledExecutorService heartbeats = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("change-feed-heartbeats").daemon().factory());

	ChangeFeeds(PlayTrees reads, EdgeCaller callers, OpenStreams open, ChangeFeedSettings settings) {
		this.reads = reads;
		this.callers = callers;
		this.open = open;
		clock.scheduleWithFixedDelay(guarded(this::poll), settings.pollInterval().toMillis(),
				settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
		heartbeats.scheduleAtFixedRate(guarded(this::heartbeat), settings.heartbeat().toMillis(),
				settings.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
	}

	/** What the operations page shows of this edge's streams. */
	public record Watching(int streams, int plays) {
	}

	public Watching here() {
		return new Watching(watched.values().stream().mapToInt(List::size).sum(), watched.size());
	}

	/** Streams open now in every edge. */
	public long everywhere() {
		return open.count();
	}

	/**
	 * Sends the play's changes after {@code position} to the emitter until it ends: from
	 * the next poll, which first sends what the stream missed.
	 */
	void watch(UUID scriptId, Caller caller, UUID id, long position, SseEmitter emitter) {
		Stream stream = new Stream(id, caller, emitter, position);
		emitter.onCompletion(() -> forget(scriptId, stream));
		emitter.onError(error -> forget(scriptId, stream));
		emitter.onTimeout(emitter::complete);
		// In compute, not after it: a list emptied and dropped by forget meanwhile would
		// take the stream with it.
		watched.compute(scriptId, (key, streams) -> {
			List<Stream> these = streams == null ? new CopyOnWriteArrayList<>() : streams;
			these.add(stream);
			return these;
		});
	}

	private void forget(UUID scriptId, Stream stream) {
		watched.computeIfPresent(scriptId, (key, streams) -> {
			streams.remove(stream);
			return streams.isEmpty() ? null : streams;
		});
		if (stream.closed.compareAndSet(false, true)) {
			open.close(stream.id);
		}
	}

	private void poll() {
		watched.forEach((scriptId, streams) -> {
			try {
				poll(scriptId, streams);
			}
			catch (RuntimeException ex) {
				// script-svc down or slow: the next round asks again from the same place.
				log.debug("could not read the changes of play {}: {}", scriptId, ex.toString());
			}
		});
	}

	private void poll(UUID scriptId, List<Stream> watching) {
		// The streams as they are now, for the whole round: one that joins meanwhile is
		// served from its own position next round, not sent a page that starts after it.
		List<Stream> streams = new ArrayList<>(watching);
		if (streams.isEmpty()) {
			return;
		}
		long from = streams.stream().mapToLong(stream -> stream.position).min().orElseThrow();
		Stream asker = streams.get(0);
		PlayTrees.Answer page = reads.read("script", "/scripts/" + scriptId + "/history/after/" + from + "?limit=500",
				callers.tokenFor(asker.caller));
		if (page.status() == 404) {
			askAgain(scriptId, streams);
			return;
		}
		if (page.status() != 200) {
			return;
		}
		for (JsonNode change : page.body().path("items")) {
			long revision = change.path("revision").asLong();
			for (Stream stream : streams) {
				if (revision > stream.position) {
					stream.send(revision, change);
				}
			}
			if ("shared".equals(change.path("change").asString())) {
				askAgain(scriptId, streams);
			}
		}
	}

	/**
	 * Each stream's user asked again whether they may read the play. A stream whose user
	 * may not is told and ends; so does one whose answer did not come (script-svc away):
	 * its client reconnects and is asked then, rather than being sent changes it may no
	 * longer see.
	 */
	private void askAgain(UUID scriptId, List<Stream> streams) {
		for (Stream stream : List.copyOf(streams)) {
			int status;
			try {
				status = reads.revision(scriptId, callers.tokenFor(stream.caller)).status();
			}
			catch (RuntimeException unanswered) {
				status = 503;
			}
			if (status != 200) {
				stream.end(status == 404 ? GONE : UNCONFIRMED);
				streams.remove(stream);
			}
		}
	}

	private void heartbeat() {
		List<UUID> alive = new ArrayList<>();
		watched.values().forEach(streams -> streams.forEach(stream -> {
			try {
				stream.emitter.send(SseEmitter.event().comment("heartbeat"));
				alive.add(stream.id);
			}
			catch (IOException | IllegalStateException gone) {
				stream.emitter.completeWithError(gone);
			}
		}));
		open.seen(alive);
	}

	private static Runnable guarded(Runnable task) {
		return () -> {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				log.warn("change feeds: {}", ex.toString());
			}
		};
	}

	@Override
	public void destroy() {
		clock.shutdownNow();
		heartbeats.shutdownNow();
		watched.values().forEach(streams -> streams.forEach(stream -> stream.emitter.complete()));
	}

	/** One client's stream: who, and the revision it has seen. */
	private static final class Stream {

		private final UUID id;

		private final Caller caller;

		private final SseEmitter emitter;

		private final AtomicBoolean closed = new AtomicBoolean();

		private volatile long position;

		Stream(UUID id, Caller caller, SseEmitter emitter, long position) {
			this.id = id;
			this.caller = caller;
			this.emitter = emitter;
			this.position = position;
		}

		void send(long revision, JsonNode change) {
			try {
				emitter.send(SseEmitter.event().id(Long.toString(revision)).name("change").data(change.toString()));
				position = revision;
			}
			catch (IOException | IllegalStateException gone) {
				emitter.completeWithError(gone);
			}
		}

		void end(String reason) {
			try {
				emitter.send(SseEmitter.event().name("end").data("{\"reason\": \"" + reason + "\"}"));
			}
			catch (IOException | IllegalStateException gone) {
				// it ends either way
			}
			emitter.complete();
		}

	}

}
