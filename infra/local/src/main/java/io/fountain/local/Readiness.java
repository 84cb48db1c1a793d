package io.fountain.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** Waiting, with a deadline, for a process to be ready; and finding free ports. */
public final class Readiness {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Readiness() {
	}

	/** Whether GET url answers 200 now. */
	public static boolean httpOk(String url) {
		try {
			HttpResponse<Void> response = HTTP.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
					HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	public static boolean portOpen(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free port", ex);
		}
	}

	/**
	 * A free port for each name, all different: a port just freed can be handed out
	 * again, and two parts of the stack on one port would not start.
	 */
	public static Map<String, Integer> freePorts(Collection<String> names) {
		Map<String, Integer> ports = new HashMap<>();
		Set<Integer> taken = new HashSet<>();
		for (String name : names) {
			int port = freePort();
			while (!taken.add(port)) {
				port = freePort();
			}
			ports.put(name, port);
		}
		return ports;
	}

	/**
	 * Polls {@code ready} until it holds; fails with the process's last log lines when
	 * the process dies or the deadline passes.
	 */
	public static void await(ManagedProcess process, Duration timeout, BooleanSupplier ready) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!ready.getAsBoolean()) {
			if (process != null && !process.isAlive()) {
				throw new IllegalStateException(process.name() + " exited before it was ready. Its log ("
						+ process.log() + ") ends with:\n" + process.tail(30));
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException((process == null ? "It" : process.name()) + " was not ready within "
						+ timeout.toSeconds() + " s"
						+ (process == null ? "" : ". Its log (" + process.log() + ") ends with:\n" + process.tail(30)));
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting", ex);
			}
		}
	}

}
