package io.fountain.events.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build check: the contract may grow, never break. */
class SchemaCompatibilityTests {

	private static final Path CURRENT = Path.of("src/main/avro");

	private static final Path RELEASED = Path.of("src/released");

	@Test
	void everyCurrentSchemaIsBackwardCompatibleWithItsReleasedVersion() {
		assertThat(SchemaCompatibilityCheck.problems(CURRENT, RELEASED)).isEmpty();
	}

	@Test
	void aNewRequiredFieldWithoutADefaultFailsTheCheck(@TempDir Path throwaway) throws IOException {
		Path current = copyOfCurrent(throwaway);
		Path act = current.resolve("act-events.avsc");
		// The breaking change, made on a copy: the envelope gains a field old records do
		// not have and no default.
		Files.writeString(act, Files.readString(act)
			.replaceFirst("\"fields\": \\[", "\"fields\": [ {\"name\": \"tenant\", \"type\": \"string\"},"));

		assertThat(SchemaCompatibilityCheck.problems(current, RELEASED)).singleElement()
			.asString()
			.startsWith("act-events.avsc: not BACKWARD compatible")
			.contains("tenant");
	}

	@Test
	void aRemovedEventTypeFailsTheCheckWhileAnAddedOptionalFieldPasses(@TempDir Path throwaway) throws IOException {
		Path current = copyOfCurrent(throwaway);
		Path script = current.resolve("script-events.avsc");
		Files.writeString(script, Files.readString(script)
			.replaceFirst("\"fields\": \\[",
					"\"fields\": [ {\"name\": \"source\", \"type\": [\"null\", \"string\"], \"default\": null},"));
		assertThat(SchemaCompatibilityCheck.problems(current, RELEASED)).isEmpty();

		Files.delete(current.resolve("transition-events.avsc"));
		assertThat(SchemaCompatibilityCheck.problems(current, RELEASED)).singleElement()
			.asString()
			.contains("transition-events.avsc")
			.contains("removed");
	}

	@Test
	void aSchemaThatWasNeverReleasedFailsTheCheck(@TempDir Path throwaway) throws IOException {
		Path current = copyOfCurrent(throwaway);
		Files.writeString(current.resolve("note-events.avsc"), """
				{"type": "record", "name": "NoteEvent", "namespace": "io.fountain.events.note.v1",
				 "fields": [{"name": "text", "type": "string"}]}""");
		assertThat(SchemaCompatibilityCheck.problems(current, RELEASED)).singleElement()
			.asString()
			.startsWith("note-events.avsc: not in the newest release");
	}

	private static Path copyOfCurrent(Path dir) throws IOException {
		try (var files = Files.list(CURRENT)) {
			for (Path file : files.toList()) {
				Files.copy(file, dir.resolve(file.getFileName()));
			}
		}
		return dir;
	}

}
