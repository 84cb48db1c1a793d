package io.fountain.script.play;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fountain.format.CastNames;
import io.fountain.format.PlayDocument.SceneElement;
import io.fountain.format.PlayDocument;
import io.fountain.imports.ClaimCheckParts;
import io.fountain.imports.PartKind;
import io.fountain.positions.Position;

/**
 * A play document cut into the parts each service makes, by the path they read them at,
 * every part with its id given now: what the saga will make, and how many of each kind it
 * expects.
 *
 * @param parts the claim check's content, by path (see {@link ClaimCheckParts})
 * @param expected how many parts of each kind the play has
 */
record ImportPlan(UUID scriptId, UUID importId, Map<String, List<?>> parts, Map<PartKind, Integer> expected) {

	static ImportPlan of(PlayDocument play) {
		UUID scriptId = UUID.randomUUID();
		Map<String, List<?>> parts = new LinkedHashMap<>();
		Map<PartKind, Integer> expected = new EnumMap<>(PartKind.class);

		Map<String, UUID> cast = new HashMap<>();
		List<ClaimCheckParts.Character> characters = new ArrayList<>();
		for (int i = 0; i < play.characters().size(); i++) {
			PlayDocument.Character character = play.characters().get(i);
			UUID id = UUID.randomUUID();
			cast.putIfAbsent(CastNames.key(character.name()), id);
			characters.add(new ClaimCheckParts.Character(id, character.name(), character.description(),
					"characters[" + i + "] (" + character.name() + ")"));
		}
		put(parts, ClaimCheckParts.characters(), characters);
		expected.put(PartKind.CHARACTER, characters.size());

		List<ClaimCheckParts.Act> acts = new ArrayList<>();
		int scenes = 0, actions = 0, dialogues = 0, parentheticals = 0, transitions = 0;
		for (int a = 0; a < play.acts().size(); a++) {
			PlayDocument.Act act = play.acts().get(a);
			UUID actId = UUID.randomUUID();
			String actPath = "acts[" + a + "]";
			acts.add(new ClaimCheckParts.Act(actId, a + 1, act.title(), actPath));
			List<ClaimCheckParts.Scene> actScenes = new ArrayList<>();
			for (int s = 0; s < act.scenes().size(); s++) {
				PlayDocument.Scene scene = act.scenes().get(s);
				UUID sceneId = UUID.randomUUID();
				String scenePath = actPath + ".scenes[" + s + "]";
				List<ClaimCheckParts.Action> sceneActions = new ArrayList<>();
				List<ClaimCheckParts.Dialogue> sceneDialogues = new ArrayList<>();
				List<ClaimCheckParts.Transition> sceneTransitions = new ArrayList<>();
				for (int e = 0; e < scene.elements().size(); e++) {
					SceneElement element = scene.elements().get(e);
					String position = Position.ofIndex(e);
					String path = scenePath + ".elements[" + e + "]";
					switch (element.type()) {
						case SceneElement.ACTION -> sceneActions.add(new ClaimCheckParts.Action(UUID.randomUUID(),
								element.text(), element.kind() == null ? "PLAIN" : element.kind(), position, path));
						case SceneElement.DIALOGUE -> {
							List<ClaimCheckParts.Parenthetical> its = element.parentheticals()
								.stream()
								.map(p -> new ClaimCheckParts.Parenthetical(UUID.randomUUID(), p.text(),
										p.beforeLine()))
								.toList();
							sceneDialogues.add(new ClaimCheckParts.Dialogue(UUID.randomUUID(),
									cast.get(CastNames.key(element.character())), element.character(),
									element.extension(), element.isDual(), element.text() == null ? "" : element.text(),
									position, its, path + " (dialogue of " + element.character() + ")"));
							parentheticals += its.size();
						}
						default -> sceneTransitions
							.add(new ClaimCheckParts.Transition(UUID.randomUUID(), element.text(), position, path));
					}
				}
				actScenes.add(new ClaimCheckParts.Scene(sceneId, s + 1, scene.heading(), scene.sceneNumber(),
						scene.synopsis(), sceneActions, scenePath));
				put(parts, ClaimCheckParts.dialoguesOf(sceneId), sceneDialogues);
				put(parts, ClaimCheckParts.transitionsOf(sceneId), sceneTransitions);
				actions += sceneActions.size();
				dialogues += sceneDialogues.size();
				transitions += sceneTransitions.size();
			}
			put(parts, ClaimCheckParts.scenesOf(actId), actScenes);
			scenes += actScenes.size();
		}
		put(parts, ClaimCheckParts.acts(), acts);
		expected.put(PartKind.ACT, acts.size());
		expected.put(PartKind.SCENE, scenes);
		expected.put(PartKind.ACTION, actions);
		expected.put(PartKind.DIALOGUE, dialogues);
		expected.put(PartKind.PARENTHETICAL, parentheticals);
		expected.put(PartKind.TRANSITION, transitions);
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
