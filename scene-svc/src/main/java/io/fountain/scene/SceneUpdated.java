package io.fountain.scene;

import java.util.List;
import java.util.UUID;

/** Redescribed or moved; {@code previousActId} is set when it moved to another act. */
public record SceneUpdated(UUID sceneId, UUID scriptId, UUID actId, String heading, String sceneNumber, String synopsis,
		int ordinal, UUID previousActId, List<String> changed) {
}
