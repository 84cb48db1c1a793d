package io.fountain.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.fountain.format.PlayDocument;

/**
 * A play shaped like a real feature screenplay, generated from a fixed seed. Big Fish's
 * published Fountain file has 190 scenes, 865 action paragraphs, 768 dialogue blocks, 97
 * parentheticals, 34 transitions and about 51 characters; {@link #feature(int)} spreads
 * the same over 3 acts, times a scale factor (×10: 30 acts, and ten times the rest).
 */
public record ReferencePlay(String title, List<String> characters, List<Act> acts) {

	public record Act(String title, List<Scene> scenes) {
	}

	public record Scene(String heading, List<Element> elements) {
	}

	/**
	 * An action, a dialogue block (by character index, with parentheticals) or a
	 * transition.
	 */
	public record Element(String type, String text, int character, int parentheticals) {
	}

	public static ReferencePlay feature(int scale) {
		return generate(scale, 3, 190, 865, 768, 97, 34, 51);
	}

	/** A small play for the quick mode: the same shape in miniature. */
	public static ReferencePlay miniature() {
		return generate(1, 1, 6, 20, 18, 3, 2, 4);
	}

	static ReferencePlay generate(int scale, int acts, int scenes, int actions, int dialogues, int parentheticals,
			int transitions, int characters) {
		Random random = new Random(20261122L * scale + scenes);
		int sceneCount = scenes * scale;
		List<List<Element>> elements = new ArrayList<>();
		for (int s = 0; s < sceneCount; s++) {
			elements.add(new ArrayList<>());
		}
		for (int i = 0; i < actions * scale; i++) {
			elements.get(random.nextInt(sceneCount)).add(new Element("action", sentence(random, 12), -1, 0));
		}
		for (int i = 0; i < dialogues * scale; i++) {
			elements.get(random.nextInt(sceneCount))
				.add(new Element("dialogue", sentence(random, 9), random.nextInt(characters), 0));
		}
		List<int[]> dialogueAt = new ArrayList<>();
		for (int s = 0; s < sceneCount; s++) {
			for (int j = 0; j < elements.get(s).size(); j++) {
				dialogueAt.add(new int[] { s, j });
			}
		}
		Collections.shuffle(dialogueAt, random);
		int placed = 0;
		for (int[] at : dialogueAt) {
			if (placed == parentheticals * scale) {
				break;
			}
			Element e = elements.get(at[0]).get(at[1]);
			if (e.type().equals("dialogue")) {
				elements.get(at[0]).set(at[1], new Element(e.type(), e.text(), e.character(), 1));
				placed++;
			}
		}
		for (int i = 0; i < transitions * scale; i++) {
			elements.get(random.nextInt(sceneCount)).add(new Element("transition", "CUT TO:", -1, 0));
		}
		List<Act> actList = new ArrayList<>();
		int perAct = (int) Math.ceil(sceneCount / (double) (acts * scale));
		for (int a = 0; a < acts * scale; a++) {
			List<Scene> sceneList = new ArrayList<>();
			for (int s = a * perAct; s < Math.min(sceneCount, (a + 1) * perAct); s++) {
				sceneList.add(new Scene((random.nextBoolean() ? "INT. " : "EXT. ") + "PLACE " + s + " - DAY",
						elements.get(s)));
			}
			actList.add(new Act("ACT " + (a + 1), sceneList));
		}
		List<String> cast = new ArrayList<>();
		for (int c = 0; c < characters; c++) {
			cast.add("CHARACTER " + c);
		}
		return new ReferencePlay("Reference play ×" + scale, cast, actList);
	}

	/**
	 * The play as a document: what {@code POST /plays} takes as JSON, and what export
	 * writes as Fountain.
	 */
	public PlayDocument document() {
		List<PlayDocument.Act> actDocs = acts.stream()
			.map(act -> new PlayDocument.Act(act.title(),
					act.scenes()
						.stream()
						.map(scene -> new PlayDocument.Scene(scene.heading(), null, null,
								scene.elements().stream().map(e -> switch (e.type()) {
									case "dialogue" -> PlayDocument.SceneElement.dialogue(characters.get(e.character()),
											null, false, e.text(), e.parentheticals() > 0
													? List.of(new PlayDocument.Parenthetical("beat", 0)) : List.of());
									case "transition" -> PlayDocument.SceneElement.transition(e.text());
									default ->
										PlayDocument.SceneElement.action(e.text(), PlayDocument.ActionKind.PLAIN);
								}).toList()))
						.toList()))
			.toList();
		return new PlayDocument(title, null, List.of("Fountain bench"), null, null, null, List.of(),
				characters.stream().map(name -> new PlayDocument.Character(name, null)).toList(), actDocs);
	}

	int scenes() {
		return acts.stream().mapToInt(a -> a.scenes().size()).sum();
	}

	long count(String type) {
		return acts.stream()
			.flatMap(a -> a.scenes().stream())
			.flatMap(s -> s.elements().stream())
			.filter(e -> e.type().equals(type))
			.count();
	}

	long parentheticals() {
		return acts.stream()
			.flatMap(a -> a.scenes().stream())
			.flatMap(s -> s.elements().stream())
			.mapToLong(Element::parentheticals)
			.sum();
	}

	/**
	 * Rows of the play in all: script, acts, scenes, elements, parentheticals,
	 * characters.
	 */
	long rows() {
		return 1 + acts.size() + scenes() + count("action") + count("dialogue") + count("transition") + parentheticals()
				+ characters.size();
	}

	private static String sentence(Random random, int words) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < words; i++) {
			text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
		}
		return text.append('.').toString();
	}

	private static final String[] WORDS = { "the", "river", "fish", "father", "tells", "a", "story", "again", "light",
			"water", "town", "witch", "eye", "road", "night", "circus", "giant", "war", "home", "remember" };

}
