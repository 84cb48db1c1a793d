package io.fountain.script.sharing;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.fountain.access.Role;

/**
 * Who has a part in each live script (the access record, table {@code script_access}), a
 * page at a time.
 */
@Repository
public class Members {

	private static final String LIVE = """
			FROM script_access a JOIN script_known k ON k.script_id = a.script_id AND NOT k.deleted
			WHERE a.script_id = ?""";

	private final JdbcClient jdbc;

	Members(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A page of the script's members: the owner first, then the collaborators by user id.
	 */
	public List<Member> of(UUID scriptId, int offset, int limit) {
		return jdbc.sql("SELECT a.user_id, a.role " + LIVE + " ORDER BY a.role <> 'owner', a.user_id LIMIT ? OFFSET ?")
			.params(scriptId, limit, offset)
			.query((rs, row) -> new Member(rs.getString("user_id"), Role.fromWire(rs.getString("role"))))
			.list();
	}

	/**
	 * How many members the script has: none when it is deleted or unknown (a live script
	 * always has its owner).
	 */
	public long count(UUID scriptId) {
		return jdbc.sql("SELECT count(*) " + LIVE).param(scriptId).query(Long.class).single();
	}

	/** A user and their role in a script. */
	public record Member(String userId, Role role) {
	}

}
