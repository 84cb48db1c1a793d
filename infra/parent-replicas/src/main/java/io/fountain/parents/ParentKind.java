package io.fountain.parents;

import io.fountain.events.Topic;

/**
 * The kinds of entity that have children in another service, each with the topic its
 * events are on. A child service keeps a replica of its parents (table
 * {@code known_parent}, whose {@code kind} is {@link #wire}) from those events.
 */
public enum ParentKind {

	SCRIPT("script", Topic.SCRIPT), ACT("act", Topic.ACT), SCENE("scene", Topic.SCENE),
	CHARACTER("character", Topic.CHARACTER);

	private final String wire;

	private final Topic topic;

	ParentKind(String wire, Topic topic) {
		this.wire = wire;
		this.topic = topic;
	}

	/**
	 * As stored in {@code known_parent.kind}, named in settings
	 * ({@code fountain.parents.sources.<wire>}) and errors.
	 */
	public String wire() {
		return wire;
	}

	/** Where the events of this kind of entity are published. */
	public Topic topic() {
		return topic;
	}

	@Override
	public String toString() {
		return wire;
	}

}
