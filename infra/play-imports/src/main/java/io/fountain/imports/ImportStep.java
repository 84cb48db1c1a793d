package io.fountain.imports;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.fountain.parents.ParentKind;
import io.fountain.parents.Parents;

/**
 * The step every service takes for its part of a play being imported, when the script's
 * creation arrives (and again, finding everything made, when each parent's does): with
 * the parent still live (its row held to the commit), read the parts to make under it;
 * more than the limit is a rejection. What is left to the service is making them.
 */
public class ImportStep {

	private final Parents parents;

	private final ClaimCheckReader parts;

	private final PartRejections rejections;

	private final ImportSettings settings;

	public ImportStep(Parents parents, ClaimCheckReader parts, PartRejections rejections, ImportSettings settings) {
		this.parents = parents;
		this.parts = parts;
		this.rejections = rejections;
		this.settings = settings;
	}

	/**
	 * The parts to make under the parent, in the consumer's transaction; none when the
	 * parent is deleted already (its play failed or was deleted before this service got
	 * here), when the import is over, or when there are more than
	 * {@link ImportSettings#maxPerParent()} (then the play is told why).
	 * @param part the kind of entity made (act, scene, ...), for the rejection
	 * @param where where in the play these parts stand, from the parts, for the rejection
	 */
	public <T> List<T> toMake(UUID scriptId, UUID importId, ParentKind parentKind, UUID parentId, String path,
			Class<T> type, PartKind part, Function<List<T>, String> where) {
		if (parents.known().lockIfLive(parentKind, parentId).isEmpty()) {
			return List.of();
		}
		List<T> imported = parts.read(importId, path, type).orElse(List.of());
		if (imported.size() > settings.maxPerParent()) {
			rejections.reject(scriptId, importId, part, where.apply(imported), "there are " + imported.size() + " "
					+ part.wire() + "s here; at most " + settings.maxPerParent() + " are allowed");
			return List.of();
		}
		return imported;
	}

	/**
	 * The parents that the play's parts of a family stand under (every act with scenes,
	 * every scene with dialogue), learnt here as live parents of the script before their
	 * own Created events arrive, so that the parts can be made straight from the script's
	 * creation (ADR 13). Every id was given by script-svc when it accepted the play; a
	 * parent known deleted here already stays deleted, and one that its own service
	 * refuses fails the play, whose deletion then takes everything made under it (ADR
	 * 12). Empty when the import is over.
	 */
	public <T> List<UUID> learnParents(UUID scriptId, UUID importId, ParentKind parentKind, String family,
			Class<T> type) {
		List<UUID> ids = parts.readFamily(importId, family, type)
			.map(byPath -> byPath.keySet().stream().map(ClaimCheckParts::parentIn).toList())
			.orElse(List.of());
		ids.forEach(id -> parents.known().learnLive(parentKind, id, scriptId, null));
		return ids;
	}

	/**
	 * The parts at a path without a parent's id ({@code characters}); empty when the
	 * import is over.
	 */
	public <T> List<T> read(UUID importId, String path, Class<T> type) {
		return parts.read(importId, path, type).orElse(List.of());
	}

	/**
	 * Tells the play that this service cannot make its part (a business rule of its own).
	 */
	public void reject(UUID scriptId, UUID importId, PartKind part, String element, String reason) {
		rejections.reject(scriptId, importId, part, element, reason);
	}

	public int maxPerParent() {
		return settings.maxPerParent();
	}

}
