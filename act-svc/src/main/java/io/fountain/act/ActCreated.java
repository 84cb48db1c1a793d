package io.fountain.act;

import java.util.UUID;

public record ActCreated(UUID actId, UUID scriptId, int ordinal, String title) {
}
