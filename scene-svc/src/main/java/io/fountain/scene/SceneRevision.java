package io.fountain.scene;

import java.util.UUID;

/**
 * What one {@code PATCH} of a scene changes. A {@code null} heading, act or ordinal stays
 * as it is; the scene number and synopsis may be cleared, so whether they were named at
 * all is said apart from their value.
 */
public record SceneRevision(String heading, boolean renumbers, String sceneNumber, boolean resummarizes,
		String synopsis, UUID actId, Integer ordinal) {

	boolean describes() {
		return heading != null || renumbers || resummarizes;
	}

	boolean moves() {
		return actId != null || ordinal != null;
	}
}
