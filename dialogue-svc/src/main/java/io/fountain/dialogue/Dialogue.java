package io.fountain.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.fountain.format.FountainText;
import io.fountain.parents.DeletionCause;

/**
 * A dialogue block: what a character says in a scene, with its parentheticals, its
 * character extension (V.O., O.S., ...), whether it is spoken at the same time as the
 * block before (dual dialogue), and its position among the scene's elements.
 */
public final class Dialogue {

	private final UUID id;

	private final UUID scriptId;

	private final UUID sceneId;

	private UUID characterId;

	private String text;

	private boolean dual;

	private String extension;

	private String position;

	private List<Parenthetical> parentheticals;

	/**
	 * As stored: raised by every change of the block, its parentheticals' included (its
	 * ETag); 1 when created.
	 */
	private long version = 1;

	Dialogue(UUID id, UUID scriptId, UUID sceneId, UUID characterId, String text, boolean dual, String extension,
			String position, List<Parenthetical> parentheticals) {
		this.id = id;
		this.scriptId = scriptId;
		this.sceneId = sceneId;
		this.characterId = characterId;
		this.text = text;
		this.dual = dual;
		this.extension = extension;
		this.position = position;
		this.parentheticals = List.copyOf(parentheticals);
	}

	static Dialogue create(UUID scriptId, UUID sceneId, Lines lines, String position) {
		lines.check();
		lines.checkText();
		return new Dialogue(UUID.randomUUID(), scriptId, sceneId, lines.characterId(), lines.text(), lines.dual(),
				lines.extension(), position, lines.parentheticals());
	}

	DialogueCreated created() {
		return new DialogueCreated(id, scriptId, sceneId, characterId, text, dual, extension, position, parentheticals);
	}

	/** Replaces what is said (and by whom) and where it stands; answers what changed. */
	Optional<DialogueUpdated> revise(Lines lines, String newPosition) {
		lines.check();
		List<String> changed = new ArrayList<>();
		if (!lines.characterId().equals(characterId)) {
			changed.add("characterId");
		}
		if (!lines.text().equals(text)) {
			changed.add("text");
		}
		if (lines.dual() != dual) {
			changed.add("dual");
		}
		if (!Objects.equals(lines.extension(), extension)) {
			changed.add("extension");
		}
		if (!sameParentheticals(lines.parentheticals())) {
			changed.add("parentheticals");
		}
		if (!newPosition.equals(position)) {
			changed.add("position");
		}
		characterId = lines.characterId();
		text = lines.text();
		dual = lines.dual();
		extension = lines.extension();
		position = newPosition;
		if (changed.contains("parentheticals")) {
			parentheticals = List.copyOf(lines.parentheticals());
		}
		return changed.isEmpty() ? Optional.empty() : Optional.of(new DialogueUpdated(id, scriptId, sceneId,
				characterId, text, dual, extension, position, parentheticals, List.copyOf(changed)));
	}

	DialogueDeleted deleted(DeletionCause cause) {
		return new DialogueDeleted(id, scriptId, sceneId, characterId, cause);
	}

	/**
	 * What is said and by whom, as a client gives it; the same check guards creation and
	 * revision.
	 */
	public Lines lines() {
		return new Lines(characterId, text, dual, extension, parentheticals);
	}

	private boolean sameParentheticals(List<Parenthetical> others) {
		if (others.size() != parentheticals.size()) {
			return false;
		}
		for (int i = 0; i < others.size(); i++) {
			if (!others.get(i).text().equals(parentheticals.get(i).text())
					|| others.get(i).beforeLine() != parentheticals.get(i).beforeLine()) {
				return false;
			}
		}
		return true;
	}

	/** The version the block's row holds, read or written by {@link Dialogues}. */
	void stored(long version) {
		this.version = version;
	}

	public long version() {
		return version;
	}

	public UUID id() {
		return id;
	}

	public UUID scriptId() {
		return scriptId;
	}

	public UUID sceneId() {
		return sceneId;
	}

	public UUID characterId() {
		return characterId;
	}

	public String text() {
		return text;
	}

	public boolean dual() {
		return dual;
	}

	public String extension() {
		return extension;
	}

	public String position() {
		return position;
	}

	public List<Parenthetical> parentheticals() {
		return parentheticals;
	}

	/**
	 * The content of a dialogue block.
	 *
	 * @throws InvalidParenthetical from {@link #check()} when a parenthetical stands
	 * after the last line
	 * @throws InvalidDialogueText from {@link #checkText()} when Fountain could not write
	 * the text
	 */
	public record Lines(UUID characterId, String text, boolean dual, String extension,
			List<Parenthetical> parentheticals) {

		public Lines {
			parentheticals = parentheticals == null ? List.of() : List.copyOf(parentheticals);
		}

		/**
		 * Lines of text; a parenthetical may stand before any of them, or after the last
		 * ({@code beforeLine = count}).
		 */
		public int lineCount() {
			return (int) text.lines().count();
		}

		void check() {
			for (int i = 0; i < parentheticals.size(); i++) {
				int before = parentheticals.get(i).beforeLine();
				if (before < 0 || before > lineCount()) {
					throw new InvalidParenthetical(i, lineCount());
				}
			}
		}

		/**
		 * That Fountain export can write the text, with the parentheticals where they
		 * stand, and read it back.
		 * @throws InvalidDialogueText when it cannot
		 */
		void checkText() {
			FountainText.dialogueProblem(text, parentheticals.stream().map(Parenthetical::beforeLine).toList())
				.ifPresent(problem -> {
					throw new InvalidDialogueText(problem);
				});
		}
	}

}
