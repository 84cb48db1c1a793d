package io.fountain.script;

import java.util.UUID;

public record ScriptDeleted(UUID scriptId) {
}
