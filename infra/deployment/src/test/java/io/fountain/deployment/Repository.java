package io.fountain.deployment;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests find the repository, the chart, its value sets and the schemas the
 * build unpacked.
 */
final class Repository {

	private Repository() {
	}

	static Path root() {
		String configured = System.getProperty("fountain.repository");
		Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent().getParent();
		if (!Files.isRegularFile(root.resolve("deploy/helm/fountain/Chart.yaml"))) {
			throw new IllegalStateException("Not the repository's root (no deploy/helm/fountain/Chart.yaml): " + root);
		}
		return root.toAbsolutePath().normalize();
	}

	static Path chart() {
		return root().resolve("deploy/helm/fountain");
	}

	/** One of deploy/helm/values/*.yaml: operators, external, local. */
	static Path valueSet(String name) {
		return root().resolve("deploy/helm/values").resolve(name + ".yaml");
	}

	/**
	 * The module's target directory, where the build put the Kubernetes schemas and
	 * Strimzi's CRDs.
	 */
	static Path target() {
		String configured = System.getProperty("fountain.deployment.schemas");
		return configured != null ? Path.of(configured) : root().resolve("infra/deployment/target");
	}

}
