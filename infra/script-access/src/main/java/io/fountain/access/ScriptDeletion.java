package io.fountain.access;

import java.util.List;
import java.util.UUID;

/**
 * A script's deletion as it reaches this service: one step, straight from the script's
 * own event, whatever the depth of the entities under it. Under the script's lock held
 * exclusively, the script is marked deleted here (so nothing is created in it any more:
 * see {@link LiveScripts#holdIfLive}) and every {@link ScriptCascade} deletes its rows of
 * the script. The cascade used to follow the parents down, one hop per level (script,
 * acts, scenes, dialogue); now every service deletes its part at once, and the per-parent
 * deletions that follow find nothing left.
 * <p>
 * Applying it again changes nothing: the rows are gone, so nothing more is deleted or
 * announced. Locks are taken in the order every change under a parent takes them (the
 * script's, then any parent's row), so the two cannot deadlock.
 */
public class ScriptDeletion {

	private final LiveScripts scripts;

	private final ScriptAccess access;

	private final List<ScriptCascade> cascades;

	public ScriptDeletion(LiveScripts scripts, ScriptAccess access, List<ScriptCascade> cascades) {
		this.scripts = scripts;
		this.access = access;
		this.cascades = List.copyOf(cascades);
	}

	/**
	 * In the caller's transaction: marks the script deleted and deletes everything of it
	 * here.
	 */
	public void apply(UUID scriptId) {
		scripts.holdForDeletion(scriptId);
		access.learnDeleted(scriptId);
		cascades.forEach(cascade -> cascade.deleteAllOf(scriptId));
	}

}
