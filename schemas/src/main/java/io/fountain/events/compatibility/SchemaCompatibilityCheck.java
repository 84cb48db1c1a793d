package io.fountain.events.compatibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * The rule downstream consumers rely on: every current schema is BACKWARD compatible with
 * its last released version (a reader on the new schema reads all data written with the
 * old one), as the registry's BACKWARD rule enforces at registration. Run by the build
 * over {@code src/main/avro} against the newest folder under {@code src/released}.
 */
public final class SchemaCompatibilityCheck {

	private SchemaCompatibilityCheck() {
	}

	/** Problems found, one line each; empty when every schema is compatible. */
	public static List<String> problems(Path currentDir, Path releasedRoot) {
		Path released = newestRelease(releasedRoot)
			.orElseThrow(() -> new IllegalStateException("No released schemas under " + releasedRoot));
		List<String> problems = new ArrayList<>();
		try (Stream<Path> files = Files.list(released)) {
			for (Path old : files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList()) {
				Path current = currentDir.resolve(old.getFileName());
				if (!Files.exists(current)) {
					problems.add(old.getFileName() + ": released in " + released.getFileName()
							+ " but removed; a released topic's schema cannot go away");
					continue;
				}
				Schema reader = parse(current);
				Schema writer = parse(old);
				SchemaCompatibility.SchemaPairCompatibility result = SchemaCompatibility
					.checkReaderWriterCompatibility(reader, writer);
				if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
					problems.add(old.getFileName() + ": not BACKWARD compatible with " + released.getFileName() + ": "
							+ result.getResult()
								.getIncompatibilities()
								.stream()
								.map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
								.toList());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// A schema never released is checked against nothing: its consumers would have no
		// baseline to rely on.
		try (Stream<Path> files = Files.list(currentDir)) {
			for (Path current : files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList()) {
				if (!Files.exists(released.resolve(current.getFileName()))) {
					problems.add(current.getFileName() + ": not in the newest release " + released.getFileName()
							+ "; release it (copy the current schemas into a new folder under src/released)");
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return problems;
	}

	private static Optional<Path> newestRelease(Path releasedRoot) {
		try (Stream<Path> dirs = Files.list(releasedRoot)) {
			return dirs.filter(Files::isDirectory)
				.filter(d -> d.getFileName().toString().matches("v\\d+"))
				.max(Comparator.comparingInt(d -> Integer.parseInt(d.getFileName().toString().substring(1))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Schema parse(Path file) {
		try {
			return new Schema.Parser().parse(file.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
