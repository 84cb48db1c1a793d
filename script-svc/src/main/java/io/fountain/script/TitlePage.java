package io.fountain.script;

import java.util.List;

/**
 * The title page of a Fountain script, apart from its title.
 *
 * @param otherEntries entries with no field of their own ({@code Notes},
 * {@code Copyright}, ...), in order; kept so that an imported screenplay exports as it
 * came
 * @param indent how the imported screenplay indented values of several lines (a tab, or
 * three spaces or more), null for export's default; kept so that export indents them so
 * too
 */
public record TitlePage(String credit, List<String> authors, String source, String draftDate, String contact,
		List<TitleEntry> otherEntries, String indent) {

	public static final TitlePage EMPTY = new TitlePage(null, List.of(), null, null, null);

	public TitlePage {
		authors = authors == null ? List.of() : List.copyOf(authors);
		otherEntries = otherEntries == null ? List.of() : List.copyOf(otherEntries);
	}

	public TitlePage(String credit, List<String> authors, String source, String draftDate, String contact) {
		this(credit, authors, source, draftDate, contact, List.of());
	}

	public TitlePage(String credit, List<String> authors, String source, String draftDate, String contact,
			List<TitleEntry> otherEntries) {
		this(credit, authors, source, draftDate, contact, otherEntries, null);
	}

	/** A title page entry such as {@code Copyright: 2026}. */
	public record TitleEntry(String key, String value) {
	}
}
