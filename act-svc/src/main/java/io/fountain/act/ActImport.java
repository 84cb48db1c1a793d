package io.fountain.act;

import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import io.fountain.imports.ClaimCheckParts;
import io.fountain.imports.ImportStep;
import io.fountain.imports.PartKind;
import io.fountain.parents.ParentKind;

/**
 * act-svc's part of a play being imported: when the script's creation arrives, its acts,
 * as the import lists them (ids included, so a replay makes nothing twice).
 */
@Service
public class ActImport {

	private final Acts acts;

	private final ImportStep imports;

	private final ApplicationEventPublisher events;

	ActImport(Acts acts, ImportStep imports, ApplicationEventPublisher events) {
		this.acts = acts;
		this.imports = imports;
		this.events = events;
	}

	/** In the consumer's transaction, with the script known. */
	public void scriptImported(UUID scriptId, UUID importId) {
		for (ClaimCheckParts.Act part : imports.toMake(scriptId, importId, ParentKind.SCRIPT, scriptId,
				ClaimCheckParts.acts(), ClaimCheckParts.Act.class, PartKind.ACT, all -> "acts")) {
			if (acts.findById(part.id()).isEmpty()) {
				Act act = new Act(part.id(), scriptId, part.ordinal(), part.title());
				acts.insert(act);
				events.publishEvent(act.importedFrom(importId));
			}
		}
	}

}
