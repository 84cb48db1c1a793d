package io.fountain.imports;

import java.util.UUID;

/**
 * A service's part of a play being imported, made as soon as the script's creation arrives (ADR 13). A service that
 * declares one gets {@link ScriptImportListener}, which calls it in the consumer's transaction.
 */
public interface ScriptImport {

	void scriptImported(UUID scriptId, UUID importId);
}
