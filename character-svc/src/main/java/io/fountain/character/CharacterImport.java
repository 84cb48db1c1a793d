package io.fountain.character;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import io.fountain.format.CastNames;
import io.fountain.imports.ClaimCheckParts;
import io.fountain.imports.ImportStep;
import io.fountain.imports.PartKind;
import io.fountain.parents.ParentKind;

/**
 * character-svc's part of a play being imported: when the script's creation arrives, its
 * cast, as the import lists it. Two characters of one name is a rejection: the play
 * fails.
 */
@Service
public class CharacterImport {

	private final Characters characters;

	private final ImportStep imports;

	private final ApplicationEventPublisher events;

	CharacterImport(Characters characters, ImportStep imports, ApplicationEventPublisher events) {
		this.characters = characters;
		this.imports = imports;
		this.events = events;
	}

	/** In the consumer's transaction, with the script known. */
	public void scriptImported(UUID scriptId, UUID importId) {
		List<ClaimCheckParts.Character> cast = imports.toMake(scriptId, importId, ParentKind.SCRIPT, scriptId,
				ClaimCheckParts.characters(), ClaimCheckParts.Character.class, PartKind.CHARACTER, all -> "characters");
		Set<String> names = new HashSet<>();
		for (ClaimCheckParts.Character part : cast) {
			if (!names.add(CastNames.key(part.name().strip()))) {
				imports.reject(scriptId, importId, PartKind.CHARACTER, part.element(),
						"another character of the play is named " + part.name().strip());
				return;
			}
		}
		for (ClaimCheckParts.Character part : cast) {
			if (characters.findById(part.id()).isEmpty()) {
				Character character = new Character(part.id(), scriptId, part.name().strip(), part.description());
				characters.insert(character);
				events.publishEvent(character.created());
			}
		}
	}

}
