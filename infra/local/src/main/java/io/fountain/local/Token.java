package io.fountain.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.fountain.callers.Caller;

/**
 * {@code ./infra/token <user> [--role operator]... [--hours N]}: prints a bearer token for a user of the local stack,
 * signed with the secret in its data folder (made by the first {@code ./infra/run-local}, kept across runs).
 */
public final class Token {

	private Token() {
	}

	public static void main(String[] args) {
		List<String> roles = new ArrayList<>();
		String user = null;
		long hours = 8;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--role" -> roles.add(args[++i]);
				case "--hours" -> hours = Long.parseLong(args[++i]);
				case "-h", "--help" -> {
					System.out.println("usage: ./infra/token <user> [--role operator]... [--hours N]   (default 8 hours)");
					return;
				}
				default -> user = args[i];
			}
		}
		if (user == null || !Caller.USER_ID.matcher(user).matches() || Caller.SYSTEM.equals(user)) {
			System.err.println("Name a user: letters, digits and ._:@|+- (at most 128), not 'system'. "
					+ "usage: ./infra/token <user> [--role operator]... [--hours N]");
			System.exit(2);
		}
		Path data = Path.of(System.getProperty("fountain.repo", ".")).resolve(".local-data");
		System.out.println(LocalTokens.in(data).mint(user, roles, Duration.ofHours(hours)));
	}
}
