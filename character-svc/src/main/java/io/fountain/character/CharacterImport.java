package io.fountain.character;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import io.fountain.eventing.imports.ImportParts;
import io.fountain.eventing.imports.ImportRejections;
import io.fountain.eventing.imports.ImportSettings;
import io.fountain.eventing.imports.ImportedParts;
import io.fountain.eventing.parents.Parents;

/**
 * character-svc's part of a play being imported: when the script's creation arrives, its cast, as the import lists
 * it. Two characters of one name, or more than the limit, is a rejection: the play fails.
 */
@Service
public class CharacterImport {

	private final Characters characters;

	private final Parents parents;

	private final ImportParts parts;

	private final ImportRejections rejections;

	private final ImportSettings settings;

	private final ApplicationEventPublisher events;

	CharacterImport(Characters characters, Parents parents, ImportParts parts, ImportRejections rejections,
			ImportSettings settings, ApplicationEventPublisher events) {
		this.characters = characters;
		this.parents = parents;
		this.parts = parts;
		this.rejections = rejections;
		this.settings = settings;
		this.events = events;
	}

	/** In the consumer's transaction, with the script known. */
	public void scriptImported(UUID scriptId, UUID importId) {
		if (parents.known().lockIfLive(CharacterManagement.SCRIPT, scriptId).isEmpty()) {
			return; // deleted already: its play failed or was deleted before we got here
		}
		Optional<List<ImportedParts.Character>> imported = parts.read(importId, ImportedParts.characters(),
				ImportedParts.Character.class);
		if (imported.isEmpty()) {
			return;
		}
		if (imported.get().size() > settings.maxPerParent()) {
			rejections.reject(scriptId, importId, "character", "characters", "the play has " + imported.get().size()
					+ " characters; at most " + settings.maxPerParent() + " are allowed");
			return;
		}
		Set<String> names = new HashSet<>();
		for (ImportedParts.Character part : imported.get()) {
			if (!names.add(part.name().strip().toUpperCase(Locale.ROOT))) {
				rejections.reject(scriptId, importId, "character", part.element(),
						"another character of the play is named " + part.name().strip());
				return;
			}
		}
		for (ImportedParts.Character part : imported.get()) {
			if (characters.findById(part.id()).isEmpty()) {
				Character character = new Character(part.id(), scriptId, part.name().strip(), part.description());
				characters.insert(character);
				events.publishEvent(character.created());
			}
		}
	}
}
