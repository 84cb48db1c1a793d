package io.fountain.parents;

import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * The parent a child would hang from does not exist, or has been deleted. A 404 to the
 * client.
 */
public class ParentNotFound extends NoSuchElementException {

	private final ParentKind kind;

	public ParentNotFound(ParentKind kind, UUID id) {
		super("No " + kind + " " + id);
		this.kind = kind;
	}

	public ParentKind kind() {
		return kind;
	}

}
