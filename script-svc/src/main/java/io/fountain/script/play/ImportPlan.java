package io.fountain.script.play;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fountain.imports.ImportedParts;
import io.fountain.format.CastNames;
import io.fountain.format.PlayDocument;
import io.fountain.format.PlayDocument.SceneElement;
import io.fountain.positions.Position;

/**
 * A play document cut into the parts each service makes, by the path they read them at,
 * every part with its id given now: what the saga will make, and how many of each kind it
 * expects.
 *
 * @param parts the claim check's content, by path (see {@link ImportedParts})
 * @param expected how many parts of each kind the play has
 */
record ImportPlan(UUID scriptId, UUID importId, Map<String, List<?>> parts, Map<String, Integer> expected) {

	static ImportPlan of(PlayDocument play) {
		UUID scriptId = UUID.randomUUID();
		Map<String, List<?>> parts = new LinkedHashMap<>();
		Map<String, Integer> expected = new HashMap<>();

		Map<String, UUID> cast = new HashMap<>();
		List<ImportedParts.Character> characters = new ArrayList<>();
		for (int i = 0; i < play.characters().size(); i++) {
			PlayDocument.Character character = play.characters().get(i);
			UUID id = UUID.randomUUID();
			cast.putIfAbsent(CastNames.key(character.name()), id);
			characters.add(new ImportedParts.Character(id, character.name(), character.description(),
					"characters[" + i + "] (" + character.name() + ")"));
		}
		put(parts, ImportedParts.characters(), characters);
		expected.put("character", characters.size());

		List<ImportedParts.Act> acts = new ArrayList<>();
		int scenes = 0, actions = 0, dialogues = 0, parentheticals = 0, transitions = 0;
		for (int a = 0; a < play.acts().size(); a++) {
			PlayDocument.Act act = play.acts().get(a);
			UUID actId = UUID.randomUUID();
			String actPath = "acts[" + a + "]";
			acts.add(new ImportedParts.Act(actId, a + 1, act.title(), actPath));
			List<ImportedParts.Scene> actScenes = new ArrayList<>();
			for (int s = 0; s < act.scenes().size(); s++) {
				PlayDocument.Scene scene = act.scenes().get(s);
				UUID sceneId = UUID.randomUUID();
				String scenePath = actPath + ".scenes[" + s + "]";
				List<ImportedParts.Action> sceneActions = new ArrayList<>();
				List<ImportedParts.Dialogue> sceneDialogues = new ArrayList<>();
				List<ImportedParts.Transition> sceneTransitions = new ArrayList<>();
				for (int e = 0; e < scene.elements().size(); e++) {
					SceneElement element = scene.elements().get(e);
					String position = Position.ofIndex(e);
					String path = scenePath + ".elements[" + e + "]";
					switch (element.type()) {
						case SceneElement.ACTION -> sceneActions.add(new ImportedParts.Action(UUID.randomUUID(),
								element.text(), element.kind() == null ? "PLAIN" : element.kind(), position, path));
						case SceneElement.DIALOGUE -> {
							List<ImportedParts.Parenthetical> its = element.parentheticals()
								.stream()
								.map(p -> new ImportedParts.Parenthetical(UUID.randomUUID(), p.text(), p.beforeLine()))
								.toList();
							sceneDialogues.add(new ImportedParts.Dialogue(UUID.randomUUID(),
									cast.get(CastNames.key(element.character())), element.character(),
									element.extension(), element.isDual(), element.text() == null ? "" : element.text(),
									position, its, path + " (dialogue of " + element.character() + ")"));
							parentheticals += its.size();
						}
						default -> sceneTransitions
							.add(new ImportedParts.Transition(UUID.randomUUID(), element.text(), position, path));
					}
				}
				actScenes.add(new ImportedParts.Scene(sceneId, s + 1, scene.heading(), scene.sceneNumber(),
						scene.synopsis(), sceneActions, scenePath));
				put(parts, ImportedParts.dialoguesOf(sceneId), sceneDialogues);
				put(parts, ImportedParts.transitionsOf(sceneId), sceneTransitions);
				actions += sceneActions.size();
				dialogues += sceneDialogues.size();
				transitions += sceneTransitions.size();
			}
			put(parts, ImportedParts.scenesOf(actId), actScenes);
			scenes += actScenes.size();
		}
		put(parts, ImportedParts.acts(), acts);
		expected.put("act", acts.size());
		expected.put("scene", scenes);
		expected.put("action", actions);
		expected.put("dialogue", dialogues);
		expected.put("parenthetical", parentheticals);
		expected.put("transition", transitions);
		return new ImportPlan(scriptId, UUID.randomUUID(), parts, expected);
	}

	boolean hasParts() {
		return expected.values().stream().anyMatch(count -> count > 0);
	}

	/**
	 * A path with nothing at it is not stored: reading it answers "nothing to make", as
	 * it should.
	 */
	private static void put(Map<String, List<?>> parts, String path, List<?> list) {
		if (!list.isEmpty()) {
			parts.put(path, list);
		}
	}
}
