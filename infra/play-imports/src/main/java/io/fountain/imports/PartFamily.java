package io.fountain.imports;

import java.util.List;
import java.util.UUID;

import io.fountain.parents.ParentKind;

/**
 * One kind of part a play's import makes, as the claim check lists it: what it is, the
 * kind of parent it is made under, and where its parts are
 * ({@code acts/*}{@code /scenes}: one path per parent, {@code *} for the parent's id;
 * {@code acts}: the script's).
 */
public record PartFamily<T extends ClaimCheckParts.Part>(PartKind kind, ParentKind parent, String family,
		Class<T> type) {

	/** Whether the parts hang from the script itself (acts, characters). */
	public boolean underScript() {
		return parent == ParentKind.SCRIPT;
	}

	/** The path of the parts under one parent. */
	public String pathUnder(UUID parentId) {
		return underScript() ? family : family.replace("*", parentId.toString());
	}

	/**
	 * Where the parts under one parent stand in the play, for a refusal of them all:
	 * {@code acts} for the script's acts, {@code acts[0].scenes[3]} for that scene's
	 * dialogue.
	 */
	String where(List<T> parts) {
		if (underScript() || parts.isEmpty()) {
			return family;
		}
		String element = parts.get(0).element();
		int last = element.lastIndexOf('.');
		return last < 0 ? element : element.substring(0, last);
	}

}
