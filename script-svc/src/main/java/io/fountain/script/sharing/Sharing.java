package io.fountain.script.sharing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.fountain.access.Role;
import io.fountain.access.ScriptAccess;
import io.fountain.script.ScriptCreated;
import io.fountain.script.ScriptDeleted;
import io.fountain.script.ScriptNotFound;
import io.fountain.script.Scripts;

/**
 * Who may work on each script: its owner from its creation, the collaborators the owner
 * adds. script-svc's access record is the source the other services' replicas follow
 * ({@code script.events}: created, collaborators changed, deleted), and it changes in the
 * transaction of the change it records.
 */
@Service
public class Sharing {

	private final ScriptAccess access;

	private final Scripts scripts;

	private final ApplicationEventPublisher events;

	Sharing(ScriptAccess access, Scripts scripts, ApplicationEventPublisher events) {
		this.access = access;
		this.scripts = scripts;
		this.events = events;
	}

	/** Adds a collaborator, or changes their role; the owner keeps owning. */
	@Transactional
	public Map<String, Role> share(UUID scriptId, String userId, Role role) {
		Map<String, Role> collaborators = lockedCollaborators(scriptId);
		if (role == Role.OWNER) {
			throw new IllegalArgumentException("a script has one owner");
		}
		if (access.roleOf(scriptId, userId).filter(r -> r == Role.OWNER).isPresent()) {
			throw new OwnerIsNotACollaborator();
		}
		if (role != collaborators.put(userId, role)) {
			change(scriptId, collaborators);
		}
		return collaborators;
	}

	/**
	 * Removes a collaborator (nothing changes, and nothing is published, when they were
	 * not one).
	 */
	@Transactional
	public Map<String, Role> unshare(UUID scriptId, String userId) {
		Map<String, Role> collaborators = lockedCollaborators(scriptId);
		if (collaborators.remove(userId) != null) {
			change(scriptId, collaborators);
		}
		return collaborators;
	}

	private Map<String, Role> lockedCollaborators(UUID scriptId) {
		scripts.findByIdForUpdate(scriptId).orElseThrow(() -> new ScriptNotFound(scriptId));
		Map<String, Role> collaborators = new LinkedHashMap<>(
				access.membersOf(scriptId).orElseThrow(() -> new ScriptNotFound(scriptId)));
		collaborators.values().removeIf(role -> role == Role.OWNER);
		return collaborators;
	}

	private void change(UUID scriptId, Map<String, Role> collaborators) {
		access.learnCollaborators(scriptId, collaborators);
		events.publishEvent(new CollaboratorsChanged(scriptId, Map.copyOf(collaborators)));
	}

	@EventListener
	void on(ScriptCreated created) {
		access.learnCreated(created.scriptId(), created.owner());
	}

	@EventListener
	void on(ScriptDeleted deleted) {
		access.learnDeleted(deleted.scriptId());
	}

	/** The owner named themselves as a collaborator. */
	public static class OwnerIsNotACollaborator extends RuntimeException {

		OwnerIsNotACollaborator() {
			super("The owner of a script cannot also be one of its collaborators");
		}

	}

}
