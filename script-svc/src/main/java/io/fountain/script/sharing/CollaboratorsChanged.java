package io.fountain.script.sharing;

import java.util.Map;
import java.util.UUID;

import io.fountain.access.Role;

/**
 * The owner changed who else may work on the script: every collaborator it now has, with
 * their roles.
 */
public record CollaboratorsChanged(UUID scriptId, Map<String, Role> collaborators) {
}
