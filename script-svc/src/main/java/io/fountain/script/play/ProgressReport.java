package io.fountain.script.play;

import java.util.Map;

/**
 * What a client sees of a play's progress: its state, whether it is overdue, and per kind
 * of part how many are {@code expected}, {@code done} and {@code failed}, and how many
 * exist now ({@code live}). While the play is DELETING or DELETED, {@code expected} is
 * what existed when the deletion began and {@code done} what is gone since.
 */
public record ProgressReport(PlayState play, boolean overdue, Map<String, Parts> parts) {

	public record Parts(int expected, int done, int failed, int live) {
	}
}
