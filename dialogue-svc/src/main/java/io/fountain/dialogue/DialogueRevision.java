package io.fountain.dialogue;

import java.util.List;
import java.util.UUID;

/**
 * What one {@code PATCH} of a dialogue block changes. A {@code null} character, text,
 * dual or parentheticals stays as it is (an empty list of parentheticals removes them);
 * the extension may be cleared, so whether it was named at all is said apart from its
 * value.
 */
public record DialogueRevision(UUID characterId, String text, Boolean dual, boolean reextends, String extension,
		List<Parenthetical> parentheticals) {

	public DialogueRevision {
		parentheticals = parentheticals == null ? null : List.copyOf(parentheticals);
	}

	/** The block's content after the revision. */
	Dialogue.Lines applyTo(Dialogue.Lines current) {
		return new Dialogue.Lines(characterId != null ? characterId : current.characterId(),
				text != null ? text : current.text(), dual != null ? dual : current.dual(),
				reextends ? extension : current.extension(),
				parentheticals != null ? parentheticals : current.parentheticals());
	}

	/**
	 * Whether what is said changes: only then is it checked against Fountain's rules
	 * again.
	 */
	boolean rewords() {
		return text != null || parentheticals != null;
	}
}
