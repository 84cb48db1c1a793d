package io.fountain.character;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.fountain.format.CastNames;
import io.fountain.imports.ClaimCheckParts;
import io.fountain.imports.ImportedParts;
import io.fountain.imports.PartKind;
import io.fountain.parents.DeletionCause;
import io.fountain.parents.ParentKind;
import io.fountain.parents.Parents;
import io.fountain.problems.conditional.IfMatch;

/**
 * Commands on characters, and this service's reactions to scripts' events. Changes to a
 * script's cast hold the script's row in the parent replica until they commit (see
 * {@link io.fountain.parents.KnownParents}).
 */
@Service
public class CharacterManagement {

	private static final Logger log = LoggerFactory.getLogger(CharacterManagement.class);

	private final Characters characters;

	private final Parents parents;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	CharacterManagement(Characters characters, Parents parents, ApplicationEventPublisher events,
			TransactionTemplate transactions) {
		this.characters = characters;
		this.parents = parents;
		this.events = events;
		this.transactions = transactions;
	}

	public Character create(UUID scriptId, String name, String description) {
		parents.confirm(ParentKind.SCRIPT, scriptId);
		return transactions.execute(status -> {
			parents.known().lockLive(ParentKind.SCRIPT, scriptId);
			Character character = Character.create(scriptId, name, description);
			if (characters.nameTaken(scriptId, character.name(), character.id())) {
				throw new NameTaken(character.name());
			}
			characters.insert(character);
			events.publishEvent(character.created());
			return character;
		});
	}

	/**
	 * Renames ({@code null}: keeps the name) and sets the description ({@code describe}:
	 * to {@code description}).
	 */
	public Character revise(UUID id, String name, boolean describe, String description, IfMatch ifMatch) {
		return transactions.execute(status -> {
			Character character = locked(id);
			ifMatch.require(Character.class, character.version());
			if (name != null && characters.nameTaken(character.scriptId(), name, id)) {
				throw new NameTaken(name.strip());
			}
			character.revise(name, describe ? description : character.description()).ifPresent(changed -> {
				characters.update(character);
				events.publishEvent(changed);
			});
			return character;
		});
	}

	public void delete(UUID id, IfMatch ifMatch) {
		transactions.executeWithoutResult(status -> {
			Character character = locked(id);
			ifMatch.require(Character.class, character.version());
			characters.delete(character);
			events.publishEvent(character.deleted(DeletionCause.REQUESTED));
		});
	}

	/**
	 * {@code limit} characters of a script by name, from {@code offset}; the script must
	 * exist and not be deleted.
	 */
	public List<Character> castOf(UUID scriptId, int offset, int limit) {
		parents.requireLive(ParentKind.SCRIPT, scriptId);
		return characters.findByScript(scriptId, offset, limit);
	}

	/**
	 * Deletes every character of the script at once, each announced, in the caller's
	 * transaction (the script's deletion, or reconciliation's).
	 */
	public void deleteAllOfScript(UUID scriptId, DeletionCause cause) {
		List<Character> deleted = characters.deleteAllOfScript(scriptId);
		deleted.forEach(character -> events.publishEvent(character.deleted(cause)));
		log.info("Script {} deleted: deleted its {} character(s)", scriptId, deleted.size());
	}

	private Character locked(UUID id) {
		Character character = characters.findById(id).orElseThrow(() -> new CharacterNotFound(id));
		parents.known().lockLive(ParentKind.SCRIPT, character.scriptId());
		return characters.findById(id).orElseThrow(() -> new CharacterNotFound(id));
	}

	/**
	 * Makes an imported play's cast, as the import lists it (ids included, so a replay
	 * makes nothing twice); two characters of one name refuse the play. In the consumer's
	 * transaction, with the script held live.
	 */
	public void makeImported(ImportedParts<ClaimCheckParts.Character> imported) {
		Set<String> names = new HashSet<>();
		for (ClaimCheckParts.Character part : imported.parts()) {
			if (!names.add(CastNames.key(part.name().strip()))) {
				imported.reject(PartKind.CHARACTER, part.element(),
						"another character of the play is named " + part.name().strip());
				return;
			}
		}
		for (ClaimCheckParts.Character part : imported.parts()) {
			if (characters.findById(part.id()).isEmpty()) {
				Character character = new Character(part.id(), imported.scriptId(), part.name().strip(),
						part.description());
				characters.insert(character);
				events.publishEvent(character.created());
			}
		}
	}

}
