package io.fountain.script;

/**
 * What a client asks to change in a script: the new title (or {@code null} to keep it)
 * and the new title page (complete, or {@code null} to keep it).
 */
public record ScriptRevision(String title, TitlePage titlePage) {
}
