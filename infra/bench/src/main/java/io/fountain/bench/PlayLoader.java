package io.fountain.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a play through the edge, route by route, as a client app would: the script, its
 * cast, then acts, scenes and their elements, in parallel where order does not matter
 * (between acts, between scenes) and in order where it does (within an act, within a
 * scene).
 */
final class PlayLoader {

	private final Edge edge;

	private final int parallelism;

	PlayLoader(Edge edge, int parallelism) {
		this.edge = edge;
		this.parallelism = parallelism;
	}

	record Loaded(UUID scriptId, List<UUID> sceneIds, List<UUID> characterIds) {
	}

	Loaded load(ReferencePlay play) throws Exception {
		UUID script = edge.create("/scripts", "{\"title\": " + Edge.quote(play.title()) + "}");
		try (ExecutorService pool = Executors.newFixedThreadPool(parallelism)) {
			List<Future<UUID>> cast = new ArrayList<>();
			for (String name : play.characters()) {
				cast.add(pool.submit(() -> edge.create("/scripts/" + script + "/characters",
						"{\"name\": " + Edge.quote(name) + "}")));
			}
			List<UUID> characters = new ArrayList<>();
			for (Future<UUID> c : cast) {
				characters.add(c.get());
			}
			List<UUID> acts = new ArrayList<>();
			for (ReferencePlay.Act act : play.acts()) {
				acts.add(edge.create("/scripts/" + script + "/acts", "{\"title\": " + Edge.quote(act.title()) + "}"));
			}
			List<Future<List<UUID>>> scenesOfActs = new ArrayList<>();
			for (int a = 0; a < acts.size(); a++) {
				UUID act = acts.get(a);
				ReferencePlay.Act content = play.acts().get(a);
				scenesOfActs.add(pool.submit(() -> {
					List<UUID> ids = new ArrayList<>();
					for (ReferencePlay.Scene scene : content.scenes()) {
						ids.add(edge.create("/acts/" + act + "/scenes",
								"{\"heading\": " + Edge.quote(scene.heading()) + "}"));
					}
					return ids;
				}));
			}
			List<UUID> scenes = new ArrayList<>();
			for (Future<List<UUID>> s : scenesOfActs) {
				scenes.addAll(s.get());
			}
			List<ReferencePlay.Scene> sceneContents = play.acts().stream().flatMap(a -> a.scenes().stream()).toList();
			List<Future<?>> elements = new ArrayList<>();
			for (int s = 0; s < scenes.size(); s++) {
				UUID scene = scenes.get(s);
				ReferencePlay.Scene content = sceneContents.get(s);
				elements.add(pool.submit(() -> {
					for (ReferencePlay.Element e : content.elements()) {
						switch (e.type()) {
							case "action" -> edge.create("/scenes/" + scene + "/actions",
									"{\"text\": " + Edge.quote(e.text()) + "}");
							case "transition" -> edge.create("/scenes/" + scene + "/transitions",
									"{\"text\": " + Edge.quote(e.text()) + "}");
							default -> edge.create("/scenes/" + scene + "/dialogues", "{\"characterId\": \""
									+ characters.get(e.character()) + "\", \"text\": " + Edge.quote(e.text())
									+ (e.parentheticals() > 0
											? ", \"parentheticals\": [{\"text\": \"beat\", \"beforeLine\": 0}]" : "")
									+ "}");
						}
					}
					return null;
				}));
			}
			for (Future<?> e : elements) {
				e.get();
			}
			return new Loaded(script, scenes, characters);
		}
	}

}
