package io.fountain.format;

import java.util.List;

/**
 * A parsed Fountain document: its title page entries, in order, and its elements.
 *
 * @param titlePage the key: value entries of the title page (multi-line values joined by
 * line breaks)
 * @param elements everything after the title page, in reading order
 */
public record Screenplay(List<TitleEntry> titlePage, List<Element> elements) {

	public Screenplay {
		titlePage = List.copyOf(titlePage);
		elements = List.copyOf(elements);
	}

	/**
	 * A title page entry such as {@code Credit: Written by}.
	 *
	 * @param indent the spaces and tabs before the first line of the value written below
	 * its key (an indented line), or null when the whole value is on the key's line
	 */
	public record TitleEntry(String key, String value, String indent) {

		public TitleEntry(String key, String value) {
			this(key, value, null);
		}
	}
}
