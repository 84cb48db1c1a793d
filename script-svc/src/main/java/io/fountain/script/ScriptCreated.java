package io.fountain.script;

import java.util.UUID;

public record ScriptCreated(UUID scriptId, String owner, String title, TitlePage titlePage) {
}
