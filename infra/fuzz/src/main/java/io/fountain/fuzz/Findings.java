package io.fountain.fuzz;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The findings of a run: each printed as it comes, one line with the request that
 * reproduces it (the first few of the same class, operation and mutation; the rest
 * counted), and all of them grouped by class for the report.
 */
final class Findings {

	/**
	 * How many findings of one class, operation and mutation are printed; report.md
	 * counts the rest.
	 */
	private static final int PRINTED = 3;

	private final Consumer<String> out;

	private final String token;

	private final Map<String, List<Finding>> byKey = new LinkedHashMap<>();

	/**
	 * @param token the run's bearer token: reproductions show it as {@code $T}
	 */
	Findings(Consumer<String> out, String token) {
		this.out = out;
		this.token = token;
	}

	void add(Finding finding) {
		List<Finding> same = byKey.computeIfAbsent(finding.key(), key -> new ArrayList<>());
		same.add(finding);
		if (same.size() <= PRINTED) {
			out.accept(line(finding));
		}
		else if (same.size() == PRINTED + 1) {
			out.accept("  (more of " + finding.kind().title() + " / " + finding.operation() + " / " + finding.mutation()
					+ " are counted in report.md, not printed)");
		}
	}

	int size() {
		return byKey.values().stream().mapToInt(List::size).sum();
	}

	boolean isEmpty() {
		return byKey.isEmpty();
	}

	/** How many findings of each class, in the classes' order. */
	Map<Finding.Kind, Integer> counts() {
		Map<Finding.Kind, Integer> counts = new EnumMap<>(Finding.Kind.class);
		byKey.values().forEach(same -> counts.merge(same.getFirst().kind(), same.size(), Integer::sum));
		return counts;
	}

	/**
	 * The finding as one line: what was wrong, where, the answer, and the request to send
	 * again.
	 */
	String line(Finding finding) {
		return "FINDING " + finding.kind().title() + ": " + finding.operation() + " / " + finding.mutation()
				+ (finding.detail().isEmpty() ? "" : " (" + finding.detail() + ")") + " -> " + finding.answer()
				+ " -- reproduce: " + Reproduction.of(finding.request(), token);
	}

	/**
	 * The findings grouped by class, then by operation and mutation, each group with one
	 * request to reproduce it.
	 */
	String markdown() {
		StringBuilder md = new StringBuilder();
		if (byKey.isEmpty()) {
			return md.append("No findings.\n").toString();
		}
		md.append("| class | findings | operation and mutation pairs |\n|---|---|---|\n");
		Map<Finding.Kind, List<List<Finding>>> byKind = new EnumMap<>(Finding.Kind.class);
		byKey.values()
			.forEach(same -> byKind.computeIfAbsent(same.getFirst().kind(), k -> new ArrayList<>()).add(same));
		byKind.forEach((kind, groups) -> md.append("| ")
			.append(kind.title())
			.append(" | ")
			.append(groups.stream().mapToInt(List::size).sum())
			.append(" | ")
			.append(groups.size())
			.append(" |\n"));
		byKind.forEach((kind, groups) -> {
			md.append("\n## ").append(kind.title()).append("\n");
			for (List<Finding> same : groups) {
				Finding first = same.getFirst();
				md.append("\n- **")
					.append(first.operation())
					.append("**, ")
					.append(first.mutation())
					.append(same.size() > 1 ? " (" + same.size() + " times)" : "")
					.append(": ")
					.append(first.detail().isEmpty() ? "" : first.detail() + " -> ")
					.append(first.answer().replace("|", "\\|"))
					.append("\n\n  ```bash\n  ")
					.append(Reproduction.of(first.request(), token))
					.append("\n  ```\n");
			}
		});
		return md.toString();
	}

}
