package io.fountain.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.fountain.callers.Caller;

/**
 * {@code ./infra/token <user> [--role operator] [--hours N]}: prints a bearer token for a
 * user of the local stack, signed with the secret in its data folder (made by the first
 * {@code ./infra/run-local}, kept across runs). The usage text is the script's
 * ({@code ./infra/token --help}).
 */
public final class Token {

	/**
	 * The one role the edge grants anything to (/ops, /actuator); another would be a
	 * token that looks like more.
	 */
	private static final String OPERATOR = "operator";

	private Token() {
	}

	public static void main(String[] args) {
		String user;
		List<String> roles;
		int hours;
		try {
			CommandLine line = CommandLine.parse("./infra/token", List.of(args), Set.of(), Set.of("--role", "--hours"));
			if (line.operands().size() != 1) {
				throw line.refused(line.operands().isEmpty() ? "name a user" : "one user at a time");
			}
			user = line.operands().getFirst();
			if (!Caller.USER_ID.matcher(user).matches() || Caller.SYSTEM.equals(user)) {
				throw line.refused("user " + user + " is not a user id (letters, digits and ._:@|+-, at most 128; "
						+ "not system)");
			}
			roles = line.values("--role").stream().distinct().toList();
			for (String role : roles) {
				if (!OPERATOR.equals(role)) {
					throw line.refused("unknown role " + role + ": the stack knows one, operator");
				}
			}
			hours = line.wholeNumber("--hours", 8, 1, 8760);
		}
		catch (CommandLine.Refused refused) {
			refused.exit();
			return;
		}
		Path data = Path.of(System.getProperty("fountain.repo", ".")).resolve(".local-data");
		System.out.println(LocalTokens.in(data).mint(user, roles, Duration.ofHours(hours)));
	}

}
