package io.fountain.dialogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
	 * Makes an imported play's dialogue of every scene whose speakers are all known here,
	 * at once, and keeps the other scenes waiting for speakers not known yet. In the
	 * consumer's transaction, with the scenes held live and the play's import lock held.
	 */
	public void makeImported(ImportedParts<ClaimCheckParts.Dialogue> imported) {
		for (ClaimCheckParts.Dialogue line : imported.parts()) {
			if (line.characterId() == null) {
				imported.reject(PartKind.DIALOGUE, line.element(),
						line.character() + " speaks, but is not a character of the play");
				return;
			}
		}
		Set<UUID> known = parents.known()
			.liveAmong(ParentKind.CHARACTER,
					imported.parts().stream().map(ClaimCheckParts.Dialogue::characterId).distinct().toList());
		Map<UUID, List<ClaimCheckParts.Dialogue>> ready = new LinkedHashMap<>();
		imported.byParent().forEach((sceneId, lines) -> {
			List<UUID> needed = speakers(lines);
			if (known.containsAll(needed)) {
				ready.put(sceneId, lines);
			}
			else {
				jdbc.sql("""
						INSERT INTO import_waiting_scene (scene_id, script_id, import_id, character_ids, parts)
						VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
					.params(sceneId, imported.scriptId(), imported.importId(), needed.toArray(UUID[]::new), json(lines))
					.update();
			}
		});
		make(imported.scriptId(), ready);
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
			if (!parents.known().allLive(ParentKind.CHARACTER, speakers(lines))) {
				continue;
			}
			int taken = jdbc.sql("DELETE FROM import_waiting_scene WHERE scene_id = ?").param(scene.sceneId()).update();
			if (taken == 1 && parents.known().lockIfLive(ParentKind.SCENE, scene.sceneId()).isPresent()) {
				make(scriptId, Map.of(scene.sceneId(), lines));
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

	/**
	 * Makes the lines of these scenes (by scene) that are not made yet: a few statements
	 * for all of them.
	 */
	private void make(UUID scriptId, Map<UUID, List<ClaimCheckParts.Dialogue>> scenes) {
		if (scenes.isEmpty()) {
			return;
		}
		List<ClaimCheckParts.Dialogue> lines = scenes.values().stream().flatMap(List::stream).toList();
		// Held to the commit: a character deleted meanwhile takes these lines with it,
		// after.
		if (!parents.known().lockAllIfLive(ParentKind.CHARACTER, speakers(lines))) {
			return; // the play is being undone: make nothing
		}
		Set<UUID> made = dialogues.existing(lines.stream().map(ClaimCheckParts.Dialogue::id).toList());
		List<Dialogue> toMake = new ArrayList<>();
		scenes.forEach((sceneId, sceneLines) -> sceneLines.stream()
			.filter(line -> !made.contains(line.id()))
			.map(line -> new Dialogue(line.id(), scriptId, sceneId, line.characterId(), line.text(), line.dual(),
					line.extension(), line.position(),
					line.parentheticals()
						.stream()
						.map(p -> new Parenthetical(p.id(), p.text(), p.beforeLine()))
						.toList()))
			.forEach(toMake::add));
		dialogues.insertAll(toMake);
		toMake.forEach(dialogue -> events.publishEvent(dialogue.created()));
	}

	/** The characters who speak these lines, each once, in id order. */
	private static List<UUID> speakers(List<ClaimCheckParts.Dialogue> lines) {
		return lines.stream().map(ClaimCheckParts.Dialogue::characterId).distinct().sorted().toList();
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
