package io.fountain.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A play: the root every other entity hangs from. Its title and title page change through
 * {@link #revise}; each state change answers the domain event that describes it.
 */
public final class Script {

	private final UUID id;

	private final String owner;

	private String title;

	private TitlePage titlePage;

	private Status status;

	/** As stored: raised by every change of the script (its ETag); 1 when created. */
	private long version = 1;

	/**
	 * PENDING while the parts of an imported play are being made in the other services,
	 * ACTIVE once the play is whole. A play that fails is deleted (its status lives on in
	 * the play's progress, see {@code PlayProgress}).
	 */
	public enum Status {

		PENDING, ACTIVE

	}

	Script(UUID id, String owner, String title, TitlePage titlePage, Status status) {
		this.id = id;
		this.owner = owner;
		this.title = title;
		this.titlePage = titlePage;
		this.status = status;
	}

	static Creation create(String owner, String title, TitlePage titlePage) {
		Script script = new Script(UUID.randomUUID(), owner, title, titlePage, Status.ACTIVE);
		return new Creation(script, new ScriptCreated(script.id, owner, title, titlePage, Status.ACTIVE, null));
	}

	/**
	 * A play whose parts the other services make from the import {@code importId}:
	 * PENDING until they have, or ACTIVE at once when it has no parts.
	 */
	static Creation importing(UUID id, String owner, String title, TitlePage titlePage, UUID importId,
			boolean hasParts) {
		Status status = hasParts ? Status.PENDING : Status.ACTIVE;
		Script script = new Script(id, owner, title, titlePage, status);
		return new Creation(script, new ScriptCreated(id, owner, title, titlePage, status, importId));
	}

	/** Every part of the play exists: it becomes ACTIVE (once). */
	Optional<ScriptUpdated> activate() {
		if (status == Status.ACTIVE) {
			return Optional.empty();
		}
		status = Status.ACTIVE;
		return Optional.of(new ScriptUpdated(id, title, titlePage, status, List.of("status")));
	}

	/**
	 * Applies the given changes (a {@code null} argument leaves that part as it is) and
	 * answers what changed, or nothing when the revision changes nothing.
	 */
	Optional<ScriptUpdated> revise(ScriptRevision revision) {
		List<String> changed = new ArrayList<>();
		String newTitle = pick(revision.title() == null ? title : revision.title(), title, "title", changed);
		TitlePage page = revision.titlePage() == null ? titlePage : revision.titlePage();
		String credit = pick(page.credit(), titlePage.credit(), "credit", changed);
		List<String> authors = pick(page.authors(), titlePage.authors(), "authors", changed);
		String source = pick(page.source(), titlePage.source(), "source", changed);
		String draftDate = pick(page.draftDate(), titlePage.draftDate(), "draftDate", changed);
		String contact = pick(page.contact(), titlePage.contact(), "contact", changed);
		if (changed.isEmpty()) {
			return Optional.empty();
		}
		this.title = newTitle;
		this.titlePage = new TitlePage(credit, authors, source, draftDate, contact, titlePage.otherEntries(),
				titlePage.indent());
		return Optional.of(new ScriptUpdated(id, title, titlePage, status, List.copyOf(changed)));
	}

	ScriptDeleted delete(ScriptDeleted.Cause cause) {
		return new ScriptDeleted(id, cause);
	}

	private static <T> T pick(T proposed, T current, String name, List<String> changed) {
		if (!Objects.equals(proposed, current)) {
			changed.add(name);
		}
		return proposed;
	}

	/** The version the script's row holds, read or written by {@link Scripts}. */
	void stored(long version) {
		this.version = version;
	}

	public long version() {
		return version;
	}

	public UUID id() {
		return id;
	}

	public String owner() {
		return owner;
	}

	public String title() {
		return title;
	}

	public TitlePage titlePage() {
		return titlePage;
	}

	public Status status() {
		return status;
	}

	record Creation(Script script, ScriptCreated event) {
	}

}
