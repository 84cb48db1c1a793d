package io.fountain.parents;

import java.util.NoSuchElementException;
import java.util.UUID;

/** The parent a child would hang from does not exist, or has been deleted. A 404 to the client. */
public class ParentNotFound extends NoSuchElementException {

	private final String kind;

	public ParentNotFound(String kind, UUID id) {
		super("No " + kind + " " + id);
		this.kind = kind;
	}

	public String kind() {
		return kind;
	}
}
