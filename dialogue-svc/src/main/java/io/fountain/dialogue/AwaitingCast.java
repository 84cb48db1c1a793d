package io.fountain.dialogue;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.fountain.imports.ClaimCheckReader;
import io.fountain.imports.ClaimCheckParts;
import io.fountain.imports.ImportStep;
import io.fountain.imports.ImportedParts;
import io.fountain.imports.PartKind;
import io.fountain.parents.ParentKind;
import io.fountain.parents.Parents;

/**
 * An imported play's lines wait for their speakers: a scene's dialogue is made once every
 * character who speaks in it is known here. The script's creation makes every scene's
 * dialogue with the cast learnt from the play's parts (ADR 13), so nothing waits then; a
 * scene whose own creation comes first, from another service in parallel with
 * character-svc's events, waits (its parts kept in {@code import_waiting_scene}), and
 * each character that arrives looks again at the scenes that need it. Both paths hold the
 * play's import lock ({@link ImportStep#lockPlay}), so neither misses the other. A line
 * for a character the play does not have is a rejection: the play fails.
 */
@Service
public class AwaitingCast {

	private final Dialogues dialogues;

	private final Parents parents;

	private final ImportStep imports;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	AwaitingCast(Dialogues dialogues, Parents parents, ImportStep imports, ApplicationEventPublisher events,
			JdbcClient jdbc) {
		this.dialogues = dialogues;
		this.parents = parents;
		this.imports = imports;
		this.events = events;
		this.jdbc = jdbc;
	}

	/**
	 * Makes an imported play's dialogue of one scene, or keeps it waiting for speakers
	 * not known yet. In the consumer's transaction, with the scene held live and the
	 * play's import lock held.
	 */
	public void makeImported(ImportedParts<ClaimCheckParts.Dialogue> imported) {
		List<ClaimCheckParts.Dialogue> lines = imported.parts();
		for (ClaimCheckParts.Dialogue line : lines) {
			if (line.characterId() == null) {
				imported.reject(PartKind.DIALOGUE, line.element(),
						line.character() + " speaks, but is not a character of the play");
				return;
			}
		}
		List<UUID> needed = lines.stream().map(ClaimCheckParts.Dialogue::characterId).distinct().sorted().toList();
		if (allKnown(needed)) {
			make(imported.scriptId(), imported.parentId(), lines, needed);
		}
		else {
			jdbc.sql("""
					INSERT INTO import_waiting_scene (scene_id, script_id, import_id, character_ids, parts)
					VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
				.params(imported.parentId(), imported.scriptId(), imported.importId(), needed.toArray(UUID[]::new),
						json(lines))
				.update();
		}
	}

	/**
	 * A character became known: make the dialogue of the scenes that waited for it and
	 * now have all they need.
	 */
	public void characterKnown(UUID scriptId, UUID characterId) {
		// First the lock, then the look: a scene committing its wait meanwhile is seen,
		// not missed.
		imports.lockPlay(scriptId);
		List<Waiting> waiting = jdbc.sql("""
				SELECT scene_id, parts FROM import_waiting_scene WHERE script_id = ? AND ? = ANY (character_ids)
				ORDER BY scene_id""")
			.params(scriptId, characterId)
			.query((rs, row) -> new Waiting(rs.getObject("scene_id", UUID.class), rs.getString("parts")))
			.list();
		for (Waiting scene : waiting) {
			List<ClaimCheckParts.Dialogue> lines = parse(scene.parts());
			List<UUID> needed = lines.stream().map(ClaimCheckParts.Dialogue::characterId).distinct().sorted().toList();
			if (!allKnown(needed)) {
				continue;
			}
			int taken = jdbc.sql("DELETE FROM import_waiting_scene WHERE scene_id = ?").param(scene.sceneId()).update();
			if (taken == 1 && parents.known().lockIfLive(ParentKind.SCENE, scene.sceneId()).isPresent()) {
				make(scriptId, scene.sceneId(), lines, needed);
			}
		}
	}

	/**
	 * The scene is gone (its play failed or was deleted): nothing waits for it any more.
	 */
	public void sceneGone(UUID sceneId) {
		jdbc.sql("DELETE FROM import_waiting_scene WHERE scene_id = ?").param(sceneId).update();
	}

	/** The script is gone: none of its scenes waits for anything any more. */
	public void scriptGone(UUID scriptId) {
		jdbc.sql("DELETE FROM import_waiting_scene WHERE script_id = ?").param(scriptId).update();
	}

	private void make(UUID scriptId, UUID sceneId, List<ClaimCheckParts.Dialogue> lines, List<UUID> characters) {
		// Held to the commit: a character deleted meanwhile takes these lines with it,
		// after.
		if (!parents.known().lockAllIfLive(ParentKind.CHARACTER, characters)) {
			return; // the play is being undone: make nothing
		}
		Set<UUID> made = dialogues.existing(lines.stream().map(ClaimCheckParts.Dialogue::id).toList());
		List<Dialogue> toMake = lines.stream()
			.filter(line -> !made.contains(line.id()))
			.map(line -> new Dialogue(line.id(), scriptId, sceneId, line.characterId(), line.text(), line.dual(),
					line.extension(), line.position(),
					line.parentheticals()
						.stream()
						.map(p -> new Parenthetical(p.id(), p.text(), p.beforeLine()))
						.toList()))
			.toList();
		dialogues.insertAll(toMake);
		toMake.forEach(dialogue -> events.publishEvent(dialogue.created()));
	}

	private boolean allKnown(List<UUID> characters) {
		return parents.known().allLive(ParentKind.CHARACTER, characters);
	}

	private static String json(List<ClaimCheckParts.Dialogue> lines) {
		try {
			return ClaimCheckReader.JSON.writeValueAsString(lines);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<ClaimCheckParts.Dialogue> parse(String json) {
		try {
			return List.of(ClaimCheckReader.JSON.readValue(json, ClaimCheckParts.Dialogue[].class));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Waiting(UUID sceneId, String parts) {
	}

}
