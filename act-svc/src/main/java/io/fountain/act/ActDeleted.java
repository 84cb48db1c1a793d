package io.fountain.act;

import java.util.UUID;

import io.fountain.parents.DeletionCause;

public record ActDeleted(UUID actId, UUID scriptId, DeletionCause cause) {
}
