package io.fountain.act;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import io.fountain.eventing.imports.ImportParts;
import io.fountain.eventing.imports.ImportRejections;
import io.fountain.eventing.imports.ImportSettings;
import io.fountain.eventing.imports.ImportedParts;
import io.fountain.eventing.parents.Parents;

/**
 * act-svc's part of a play being imported: when the script's creation arrives, its acts, as the import lists them
 * (ids included, so a replay makes nothing twice). Too many acts is a rejection: the play fails.
 */
@Service
public class ActImport {

	private final Acts acts;

	private final Parents parents;

	private final ImportParts parts;

	private final ImportRejections rejections;

	private final ImportSettings settings;

	private final ApplicationEventPublisher events;

	ActImport(Acts acts, Parents parents, ImportParts parts, ImportRejections rejections, ImportSettings settings,
			ApplicationEventPublisher events) {
		this.acts = acts;
		this.parents = parents;
		this.parts = parts;
		this.rejections = rejections;
		this.settings = settings;
		this.events = events;
	}

	/** In the consumer's transaction, with the script known. */
	public void scriptImported(UUID scriptId, UUID importId) {
		if (parents.known().lockIfLive(ActManagement.SCRIPT, scriptId).isEmpty()) {
			return; // deleted already: its play failed or was deleted before we got here
		}
		Optional<List<ImportedParts.Act>> imported = parts.read(importId, ImportedParts.acts(),
				ImportedParts.Act.class);
		if (imported.isEmpty()) {
			return;
		}
		if (imported.get().size() > settings.maxPerParent()) {
			rejections.reject(scriptId, importId, "act", "acts", "the play has " + imported.get().size()
					+ " acts; at most " + settings.maxPerParent() + " are allowed");
			return;
		}
		for (ImportedParts.Act part : imported.get()) {
			if (acts.findById(part.id()).isEmpty()) {
				Act act = new Act(part.id(), scriptId, part.ordinal(), part.title());
				acts.insert(act);
				events.publishEvent(act.importedFrom(importId));
			}
		}
	}
}
