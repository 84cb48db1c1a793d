package io.fountain.access;

import java.util.UUID;

/**
 * A service's answer to "may this caller delete it, and in which script is it": the
 * deletion's own access check, without the deletion. The edge asks the entity's owner
 * this before it counts what a deletion would take ({@code GET .../deletion-impact}), so
 * that a preview is refused exactly when the deletion would be (404 to a stranger, 403 to
 * a collaborator whose role does not allow it).
 */
public record DeletionAllowed(UUID scriptId) {

	/** The path under an entity's own address at which its owner answers this. */
	public static final String PATH = "/deletion-allowed";

}
