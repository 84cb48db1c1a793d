package io.fountain.imports;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fountain.parents.ParentKind;

/**
 * The parts of a play being imported, as script-svc keeps them while the play is being
 * created (the claim check) and serves them at {@code GET /imports/{importId}/<path>}.
 * Every id is given by script-svc when it accepts the play, so a part made twice is the
 * same part, and a child names its parent before the parent exists anywhere. Each part
 * says where it stands in the play ({@code element}), for the writer's error message.
 */
public final class ClaimCheckParts {

	private ClaimCheckParts() {
	}

	/** A script's acts. */
	public static final PartFamily<Act> ACTS = new PartFamily<>(PartKind.ACT, ParentKind.SCRIPT, "acts", Act.class);

	/** A script's characters. */
	public static final PartFamily<Character> CHARACTERS = new PartFamily<>(PartKind.CHARACTER, ParentKind.SCRIPT,
			"characters", Character.class);

	/** Every act's scenes, with their actions. */
	public static final PartFamily<Scene> SCENES = new PartFamily<>(PartKind.SCENE, ParentKind.ACT, "acts/*/scenes",
			Scene.class);

	/** Every scene's dialogue. */
	public static final PartFamily<Dialogue> DIALOGUE = new PartFamily<>(PartKind.DIALOGUE, ParentKind.SCENE,
			"scenes/*/dialogues", Dialogue.class);

	/** Every scene's transitions. */
	public static final PartFamily<Transition> TRANSITIONS = new PartFamily<>(PartKind.TRANSITION, ParentKind.SCENE,
			"scenes/*/transitions", Transition.class);

	/** Path of a script's acts. */
	public static String acts() {
		return ACTS.family();
	}

	/** Path of a script's characters. */
	public static String characters() {
		return CHARACTERS.family();
	}

	/** Path of an act's scenes, with their actions. */
	public static String scenesOf(UUID actId) {
		return SCENES.pathUnder(actId);
	}

	/** Path of a scene's dialogue. */
	public static String dialoguesOf(UUID sceneId) {
		return DIALOGUE.pathUnder(sceneId);
	}

	/** Path of a scene's transitions. */
	public static String transitionsOf(UUID sceneId) {
		return TRANSITIONS.pathUnder(sceneId);
	}

	/** The parent a path of a family stands under: the id in {@code acts/<id>/scenes}. */
	public static UUID parentIn(String path) {
		Matcher id = ID.matcher(path);
		if (!id.find()) {
			throw new IllegalArgumentException("no parent's id in " + path);
		}
		return UUID.fromString(id.group());
	}

	/**
	 * The family of a path: the same path with {@code *} for each id in it
	 * ({@code scenes/<id>/dialogues} is of {@code scenes/* /dialogues}, without the
	 * space), whose parts are read at once for every parent. A path without an id is its
	 * own family.
	 */
	public static String familyOf(String path) {
		return ID.matcher(path).replaceAll("*");
	}

	private static final Pattern ID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	/** A part of the play as the claim check lists it: its id, and where it stands. */
	public interface Part {

		UUID id();

		/**
		 * Where the part stands in the play ({@code acts[0].scenes[3]}), for a refusal.
		 */
		String element();

	}

	public record Act(UUID id, int ordinal, String title, String element) implements Part {
	}

	public record Character(UUID id, String name, String description, String element) implements Part {
	}

	public record Scene(UUID id, int ordinal, String heading, String sceneNumber, String synopsis, List<Action> actions,
			String element) implements Part {
	}

	public record Action(UUID id, String text, String kind, String position, String element) implements Part {
	}

	/**
	 * A dialogue block; {@code characterId} is null when the play has no character of
	 * that name.
	 */
	public record Dialogue(UUID id, UUID characterId, String character, String extension, boolean dual, String text,
			String position, List<Parenthetical> parentheticals, String element) implements Part {
	}

	public record Parenthetical(UUID id, String text, int beforeLine) {
	}

	public record Transition(UUID id, String text, String position, String element) implements Part {
	}

}
