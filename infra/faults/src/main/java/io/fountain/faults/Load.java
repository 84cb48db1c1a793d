package io.fountain.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drives plays through the edge while faults happen: each client creates a whole play
 * ({@code POST /plays}, a saga) and deletes every other one it made ({@code DELETE
 * /scripts/{id}}, a cascade). Only what the edge acknowledged (202) is recorded: those
 * are the commands whose effects must be there afterwards, exactly once. A command the
 * edge refused (503 while a service is down) or that failed in flight is not acknowledged
 * and promises nothing.
 */
final class Load implements AutoCloseable {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private final String edge;

	private final String play;

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final List<Thread> clients = new ArrayList<>();

	/**
	 * Plays whose creation was acknowledged and that were not deleted: each must end
	 * ACTIVE and whole.
	 */
	final List<UUID> created = new CopyOnWriteArrayList<>();

	/** Plays whose deletion was acknowledged: nothing of them may be left. */
	final List<UUID> deleted = new CopyOnWriteArrayList<>();

	/**
	 * Plays whose deletion was sent but not acknowledged (a timeout, a reset): it may or
	 * may not have happened, so the play must be either whole or entirely gone.
	 */
	final List<UUID> maybeDeleted = new CopyOnWriteArrayList<>();

	/** Commands refused or failed in flight (no promise made). */
	volatile int unacknowledged;

	private final String authorization;

	/**
	 * @param token the bearer token the clients speak with (one user: each play is theirs
	 * to delete)
	 */
	Load(String edge, String token, String playJson, int clientCount, long seed) {
		this.edge = edge;
		this.authorization = "Bearer " + token;
		this.play = playJson;
		for (int c = 0; c < clientCount; c++) {
			Random random = new Random(seed + c);
			Thread client = Thread.ofPlatform().name("load-" + c).daemon().start(() -> drive(random));
			clients.add(client);
		}
	}

	int acknowledged() {
		return created.size() + maybeDeleted.size() + deleted.size() * 2;
	}

	private void drive(Random random) {
		while (running.get()) {
			UUID id = createPlay();
			if (id != null && random.nextBoolean()) {
				pause(100 + random.nextInt(400));
				created.remove(id);
				(delete(id) ? deleted : maybeDeleted).add(id);
			}
			pause(50 + random.nextInt(200));
		}
	}

	private UUID createPlay() {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(edge + "/plays"))
				.timeout(Duration.ofSeconds(15))
				.header("Content-Type", "application/json")
				.header("Authorization", authorization)
				.POST(HttpRequest.BodyPublishers.ofString(play))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 202) {
				String location = response.headers().firstValue("Location").orElseThrow();
				UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
				created.add(id);
				return id;
			}
		}
		catch (Exception ex) {
			// in flight when something broke: no promise
		}
		unacknowledged++;
		return null;
	}

	private boolean delete(UUID id) {
		try {
			HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(edge + "/scripts/" + id))
				.timeout(Duration.ofSeconds(15))
				.header("Authorization", authorization)
				.DELETE()
				.build(), HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() == 202) {
				return true;
			}
		}
		catch (Exception ex) {
			// in flight when something broke: no promise
		}
		unacknowledged++;
		return false;
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis); // pacing the load, not awaiting an outcome
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() throws InterruptedException {
		running.set(false);
		for (Thread client : clients) {
			client.join(Duration.ofSeconds(30));
		}
	}

}
