package io.fountain.access;

import java.util.UUID;

/**
 * What one kind of this service's entities does when a script is deleted: deletes every
 * row of that script in one statement (by its {@code script_id}, whatever its parent),
 * and announces each deleted entity. A service declares one bean per kind it owns;
 * {@link ScriptDeletion} calls them all, in the deletion's transaction, with the script's
 * lock held.
 */
@FunctionalInterface
public interface ScriptCascade {

	/**
	 * Deletes and announces every entity of this kind in the script; nothing when there
	 * is none left.
	 */
	void deleteAllOf(UUID scriptId);

}
