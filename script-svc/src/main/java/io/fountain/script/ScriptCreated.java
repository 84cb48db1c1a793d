package io.fountain.script;

import java.util.UUID;

/**
 * A script was created: ACTIVE, or PENDING with the {@code importId} its parts are made
 * from (POST /plays).
 */
public record ScriptCreated(UUID scriptId, String owner, String title, TitlePage titlePage, Script.Status status,
		UUID importId) {
}
