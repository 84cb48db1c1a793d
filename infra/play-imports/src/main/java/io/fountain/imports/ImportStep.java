package io.fountain.imports;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.fountain.parents.ParentKind;
import io.fountain.parents.Parents;

/**
 * The step every service takes for its part of a play being imported, when the script's
 * creation arrives (and again, finding everything made, when each parent's does): with
 * the parent still live (its row held to the commit), read the parts to make under it;
 * more than the limit is a rejection. A service declares what it makes with
 * {@link #makes}; what is left to it is making them.
 */
public class ImportStep {

	/** Namespace of the play's import locks (the outbox uses single-key locks). */
	private static final int LOCKS = 0x44494d50;

	private final Parents parents;

	private final ClaimCheckReader parts;

	private final PartRejections rejections;

	private final ImportSettings settings;

	private final JdbcClient jdbc;

	public ImportStep(Parents parents, ClaimCheckReader parts, PartRejections rejections, ImportSettings settings,
			JdbcClient jdbc) {
		this.parents = parents;
		this.parts = parts;
		this.rejections = rejections;
		this.settings = settings;
		this.jdbc = jdbc;
	}

	/**
	 * What a child kind makes of a play being imported: the parts of {@code family}, each
	 * parent's made by {@code maker}. For {@code ChildKind.Builder#with}.
	 */
	public <T extends ClaimCheckParts.Part> PlayImport<T> makes(PartFamily<T> family, PlayImport.Maker<T> maker) {
		return new PlayImport<>(this, family, maker);
	}

	/**
	 * Holds the play's import lock of this service to the commit: a service's import
	 * steps for one play, and whatever else takes this lock (dialogue's scenes waiting
	 * for their cast), never interleave, so neither misses what the other committed.
	 */
	public void lockPlay(UUID scriptId) {
		jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))")
			.params(LOCKS, scriptId.toString())
			.query((rs, row) -> 1)
			.list();
	}

	/**
	 * The parts to make under these parents, in the consumer's transaction: those under
	 * the parents still live (their rows held to the commit), none under a parent deleted
	 * already (its play failed or was deleted before this service got here), none when
	 * the import is over, and none at all when a parent has more than
	 * {@link ImportSettings#maxPerParent()} (then the play is told why). The parents are
	 * locked in a few statements however many there are (issue 14: one lock per parent
	 * was most of an imported play's time in dialogue-svc).
	 */
	<T extends ClaimCheckParts.Part> ImportedParts<T> toMake(UUID scriptId, UUID importId, PartFamily<T> family,
			List<UUID> parentIds) {
		Set<UUID> live = parents.known().lockThoseLive(family.parent(), parentIds);
		Map<UUID, List<T>> byParent = new LinkedHashMap<>();
		for (UUID parentId : parentIds) {
			if (!live.contains(parentId)) {
				continue;
			}
			List<T> imported = parts.read(importId, family.pathUnder(parentId), family.type()).orElse(List.of());
			if (imported.size() > settings.maxPerParent()) {
				rejections.reject(scriptId, importId, family.kind(), family.where(imported),
						"there are " + imported.size() + " " + family.kind().wire() + "s here; at most "
								+ settings.maxPerParent() + " are allowed");
				return new ImportedParts<>(scriptId, importId, Map.of(), this);
			}
			if (!imported.isEmpty()) {
				byParent.put(parentId, imported);
			}
		}
		return new ImportedParts<>(scriptId, importId, byParent, this);
	}

	/**
	 * The parents that the play's parts of a family stand under (every act with scenes,
	 * every scene with dialogue), learnt here as live parents of the script before their
	 * own Created events arrive, so that the parts can be made straight from the script's
	 * creation (ADR 13), in one statement. Every id was given by script-svc when it
	 * accepted the play; a parent known deleted here already stays deleted, and one that
	 * its own service refuses fails the play, whose deletion then takes everything made
	 * under it (ADR 12). Empty when the import is over.
	 */
	<T extends ClaimCheckParts.Part> List<UUID> learnParents(UUID scriptId, UUID importId, PartFamily<T> family) {
		List<UUID> ids = parts.readFamily(importId, family.family(), family.type())
			.map(byPath -> byPath.keySet().stream().map(ClaimCheckParts::parentIn).toList())
			.orElse(List.of());
		Map<UUID, String> unnamed = new HashMap<>();
		ids.forEach(id -> unnamed.put(id, null));
		learnLive(family.parent(), scriptId, unnamed);
		return ids;
	}

	/** Learns live parents of the script, by id with their names (or null). */
	void learnLive(ParentKind kind, UUID scriptId, Map<UUID, String> names) {
		parents.known().learnAllLive(kind, scriptId, names);
	}

	/**
	 * The parts at a path without a parent's id ({@code characters}); empty when the
	 * import is over.
	 */
	<T> List<T> read(UUID importId, String path, Class<T> type) {
		return parts.read(importId, path, type).orElse(List.of());
	}

	/**
	 * Tells the play that this service cannot make its part (a business rule of its own).
	 */
	void reject(UUID scriptId, UUID importId, PartKind part, String element, String reason) {
		rejections.reject(scriptId, importId, part, element, reason);
	}

	int maxPerParent() {
		return settings.maxPerParent();
	}

}
