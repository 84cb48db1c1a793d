package io.fountain.script;

import java.util.List;
import java.util.UUID;

/** The title, title page or status changed; {@code changed} names the fields that did. */
public record ScriptUpdated(UUID scriptId, String title, TitlePage titlePage, Script.Status status,
		List<String> changed) {
}
