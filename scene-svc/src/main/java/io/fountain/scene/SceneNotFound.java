package io.fountain.scene;

import java.util.NoSuchElementException;
import java.util.UUID;

public class SceneNotFound extends NoSuchElementException {

	public SceneNotFound(UUID id) {
		super("No scene " + id);
	}

}
