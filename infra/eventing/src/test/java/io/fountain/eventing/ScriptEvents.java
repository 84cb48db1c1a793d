package io.fountain.eventing;

import java.util.List;
import java.util.UUID;

import io.fountain.events.script.v1.ScriptEvent;
import io.fountain.events.script.v1.ScriptUpdated;
import io.fountain.events.script.v1.TitlePage;

/**
 * Object mother of script events for the mechanics' tests: the title carries what a test
 * wants to trace.
 */
final class ScriptEvents {

	private ScriptEvents() {
	}

	static ScriptEvent retitled(UUID scriptId, String title) {
		ScriptEvent event = new ScriptEvent();
		event.setScriptId(scriptId);
		event.setPayload(ScriptUpdated.newBuilder()
			.setTitle(title)
			.setTitlePage(TitlePage.newBuilder().build())
			.setChanged(List.of("title"))
			.build());
		return event;
	}

}
