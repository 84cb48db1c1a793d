package io.fountain.act;

import java.util.List;
import java.util.UUID;

/** The act was retitled or moved; {@code changed} names what changed. */
public record ActUpdated(UUID actId, UUID scriptId, int ordinal, String title, List<String> changed) {
}
