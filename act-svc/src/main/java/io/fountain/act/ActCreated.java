package io.fountain.act;

import java.util.UUID;

/**
 * An act was created; {@code importId} when it is part of a play being imported (its
 * scenes come from there).
 */
public record ActCreated(UUID actId, UUID scriptId, int ordinal, String title, UUID importId) {
}
