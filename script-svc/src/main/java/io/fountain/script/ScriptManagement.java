package io.fountain.script;

import java.util.UUID;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.fountain.problems.conditional.IfMatch;

/**
 * The commands on scripts. Each runs in one transaction with the events it publishes: the
 * publisher's listeners append them to the outbox before the commit.
 */
@Service
public class ScriptManagement {

	private final Scripts scripts;

	private final ApplicationEventPublisher events;

	ScriptManagement(Scripts scripts, ApplicationEventPublisher events) {
		this.scripts = scripts;
		this.events = events;
	}

	@Transactional
	public Script create(String owner, String title, TitlePage titlePage) {
		Script.Creation creation = Script.create(owner, title, titlePage);
		scripts.insert(creation.script());
		events.publishEvent(creation.event());
		return creation.script();
	}

	/**
	 * Revises the script; the revision is worked out from the script as it is under the
	 * lock, so that two concurrent partial updates both apply.
	 */
	@Transactional
	public Script revise(UUID id, Function<Script, ScriptRevision> revision, IfMatch ifMatch) {
		Script script = scripts.findByIdForUpdate(id).orElseThrow(() -> new ScriptNotFound(id));
		ifMatch.require(Script.class, script.version());
		script.revise(revision.apply(script)).ifPresent(revised -> {
			scripts.update(script);
			events.publishEvent(revised);
		});
		return script;
	}

	/**
	 * Deletes the script; everything under it follows by cascade, in the services that
	 * own it.
	 */
	@Transactional
	public void delete(UUID id, IfMatch ifMatch) {
		Script script = scripts.findByIdForUpdate(id).orElseThrow(() -> new ScriptNotFound(id));
		ifMatch.require(Script.class, script.version());
		scripts.delete(script);
		events.publishEvent(script.delete(ScriptDeleted.Cause.REQUESTED));
	}

	/**
	 * A play being imported: the script, PENDING while the other services make its parts
	 * from {@code importId}.
	 */
	@Transactional
	public Script importing(UUID id, String owner, String title, TitlePage titlePage, UUID importId, boolean hasParts) {
		Script.Creation creation = Script.importing(id, owner, title, titlePage, importId, hasParts);
		scripts.insert(creation.script());
		events.publishEvent(creation.event());
		return creation.script();
	}

	/** Every part of the play exists: the script becomes ACTIVE, and says so. */
	@Transactional
	public void activate(UUID id) {
		scripts.findByIdForUpdate(id).ifPresent(script -> script.activate().ifPresent(revised -> {
			scripts.update(script);
			events.publishEvent(revised);
		}));
	}

	/**
	 * Creating the play failed: the script goes, and with it (by cascade) every part
	 * already made.
	 */
	@Transactional
	public void compensate(UUID id) {
		scripts.findByIdForUpdate(id).ifPresent(script -> {
			scripts.delete(script);
			events.publishEvent(script.delete(ScriptDeleted.Cause.COMPENSATION));
		});
	}

}
