package io.fountain.script;

import java.util.List;

/** The title page of a Fountain script, apart from its title. */
public record TitlePage(String credit, List<String> authors, String source, String draftDate, String contact) {

	public static final TitlePage EMPTY = new TitlePage(null, List.of(), null, null, null);

	public TitlePage {
		authors = authors == null ? List.of() : List.copyOf(authors);
	}
}
