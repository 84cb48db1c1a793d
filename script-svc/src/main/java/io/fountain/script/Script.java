package io.fountain.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A play: the root every other entity hangs from. Its title and title page change through {@link #revise}; each
 * state change answers the domain event that describes it.
 */
public final class Script {

	private final UUID id;

	private final String owner;

	private String title;

	private TitlePage titlePage;

	Script(UUID id, String owner, String title, TitlePage titlePage) {
		this.id = id;
		this.owner = owner;
		this.title = title;
		this.titlePage = titlePage;
	}

	static Creation create(String owner, String title, TitlePage titlePage) {
		Script script = new Script(UUID.randomUUID(), owner, title, titlePage);
		return new Creation(script, new ScriptCreated(script.id, owner, title, titlePage));
	}

	/**
	 * Applies the given changes (a {@code null} argument leaves that part as it is) and answers what changed, or
	 * nothing when the revision changes nothing.
	 */
	java.util.Optional<ScriptRevised> revise(ScriptRevision revision) {
		List<String> changed = new ArrayList<>();
		String newTitle = pick(revision.title() == null ? title : revision.title(), title, "title", changed);
		TitlePage page = revision.titlePage() == null ? titlePage : revision.titlePage();
		String credit = pick(page.credit(), titlePage.credit(), "credit", changed);
		List<String> authors = pick(page.authors(), titlePage.authors(), "authors", changed);
		String source = pick(page.source(), titlePage.source(), "source", changed);
		String draftDate = pick(page.draftDate(), titlePage.draftDate(), "draftDate", changed);
		String contact = pick(page.contact(), titlePage.contact(), "contact", changed);
		if (changed.isEmpty()) {
			return java.util.Optional.empty();
		}
		this.title = newTitle;
		this.titlePage = new TitlePage(credit, authors, source, draftDate, contact);
		return java.util.Optional.of(new ScriptRevised(id, title, titlePage, List.copyOf(changed)));
	}

	ScriptDeleted delete() {
		return new ScriptDeleted(id);
	}

	private static <T> T pick(T proposed, T current, String name, List<String> changed) {
		if (!Objects.equals(proposed, current)) {
			changed.add(name);
		}
		return proposed;
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

	record Creation(Script script, ScriptCreated event) {
	}
}
