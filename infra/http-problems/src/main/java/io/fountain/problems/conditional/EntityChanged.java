package io.fountain.problems.conditional;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The entity changed since the version the request named in {@code If-Match}: someone
 * else's change came first. Nothing was written; the app reads the entity again (its
 * {@code ETag} is the current version) and shows the co-author's change.
 */
@ResponseStatus(HttpStatus.PRECONDITION_FAILED)
public class EntityChanged extends RuntimeException {

	public EntityChanged(String entity, long currentVersion, List<String> named) {
		super("The " + entity + " changed since the version you named (If-Match: " + String.join(", ", named)
				+ "); it is now at " + EntityVersions.tag(currentVersion)
				+ ". Read it again, then send your change with its ETag.");
	}

}
