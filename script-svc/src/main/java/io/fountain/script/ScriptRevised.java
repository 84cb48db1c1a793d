package io.fountain.script;

import java.util.List;
import java.util.UUID;

/** The title or title page changed; {@code changed} names the fields that did. */
public record ScriptRevised(UUID scriptId, String title, TitlePage titlePage, List<String> changed) {
}
