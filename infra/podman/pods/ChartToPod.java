import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.marcnuri.helm.Helm;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders the chart (deploy/helm/fountain) with the local value set plus this directory's values.yaml (Kafka,
 * PostgreSQL and the registry external, at localhost) as `helm template` does (helm-java embeds Helm), and folds
 * what it renders into ONE pod for `podman kube play --network none`, where a pod has only its own loopback:
 * <ul>
 * <li>each Deployment's container becomes a container of the pod, with its ConfigMap (envFrom) and Secrets
 * (secretKeyRef) resolved into plain values, and a port of its own (SERVER_PORT): they share one network
 * namespace, so they cannot all listen on 8080; the chart's service URLs (http://fountain-x:8080) become
 * http://localhost:port;</li>
 * <li>the chart-made Secrets' values are the rendered ones; the external databases' Secrets
 * (&lt;release&gt;-&lt;app&gt;-db, which an operator or a DBA would make) are made here: one database per
 * application in the PostgreSQL container;</li>
 * <li>probes are dropped (podman runs an httpGet probe as curl inside the container and the images have no curl;
 * the smoke test polls readiness itself), as are resources (podman's cgroup limits), the security contexts'
 * read-only root and the emptyDir for /tmp;</li>
 * <li>PostgreSQL, the Kafka broker and Apicurio Registry, from the project's local images, join the pod.</li>
 * </ul>
 * Run by infra/podman/pods/run with the classpath of pom.xml here (helm-java, SnakeYAML):
 * {@code java -cp <classpath> ChartToPod.java <repo> <out.yaml> <secrets.env>}.
 */
public class ChartToPod {

	static final String RELEASE = "fountain";

	/** SERVER_PORT of each application in the shared network namespace; the edge keeps 8080. */
	static final Map<String, Integer> PORTS = new LinkedHashMap<>();
	static {
		PORTS.put("edge-api", 8080);
		PORTS.put("script-svc", 8091);
		PORTS.put("act-svc", 8092);
		PORTS.put("scene-svc", 8093);
		PORTS.put("character-svc", 8094);
		PORTS.put("dialogue-svc", 8095);
		PORTS.put("transition-svc", 8096);
	}

	public static void main(String[] args) throws Exception {
		Path repo = Path.of(args[0]);
		Path out = Path.of(args[1]);
		Path secretsOut = Path.of(args[2]);
		String manifests = new Helm(repo.resolve("deploy/helm/fountain")).template()
			.withName(RELEASE)
			.withNamespace(RELEASE)
			.withKubeVersion("1.31.0")
			.withValuesFile(repo.resolve("deploy/helm/values/local.yaml"))
			.withValuesFile(repo.resolve("infra/podman/pods/values.yaml"))
			.call();
		Files.writeString(out.resolveSibling("rendered.yaml"), manifests);

		Yaml yaml = new Yaml();
		List<Map<String, Object>> objects = new ArrayList<>();
		for (Object document : yaml.loadAll(manifests)) {
			if (document instanceof Map<?, ?> map && !map.isEmpty()) {
				objects.add(cast(map));
			}
		}
		Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();
		Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
		List<Map<String, Object>> deployments = new ArrayList<>();
		Map<String, Integer> kinds = new LinkedHashMap<>();
		for (Map<String, Object> object : objects) {
			String kind = (String) object.get("kind");
			kinds.merge(kind, 1, Integer::sum);
			String name = (String) cast(object.get("metadata")).get("name");
			switch (kind) {
				case "ConfigMap" -> configMaps.put(name, strings(object.get("data")));
				case "Secret" -> {
					Map<String, String> values = new LinkedHashMap<>();
					strings(object.get("data")).forEach((key, value) -> values.put(key,
							new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
					values.putAll(strings(object.get("stringData")));
					secrets.put(name, values);
				}
				case "Deployment" -> deployments.add(object);
				default -> {
				}
			}
		}
		List<String> databases = new ArrayList<>();
		for (String app : PORTS.keySet()) {
			String database = app.replace('-', '_');
			databases.add(database);
			secrets.putIfAbsent(RELEASE + "-" + app + "-db", Map.of("jdbc-uri",
					"jdbc:postgresql://localhost:5432/" + database, "username", "postgres", "password", "trust"));
		}

		List<Map<String, Object>> containers = new ArrayList<>();
		containers.add(container("postgres", "localhost/fountain/postgres:17",
				env(Map.of("POSTGRES_DATABASES", String.join(",", databases)))));
		containers.add(container("kafka", "localhost/fountain/kafka-broker:4.2.1",
				env(Map.of("KAFKA_HEAP_OPTS", "-Xmx256m -Xms64m"))));
		containers.add(container("registry", "localhost/fountain/apicurio-registry:3.3.3", env(Map.of(
				"QUARKUS_HTTP_PORT", "8081", "QUARKUS_MANAGEMENT_PORT", "9001", "JAVA_TOOL_OPTIONS", "-Xmx256m"))));
		Pattern serviceUrl = Pattern.compile("http://" + RELEASE + "-([a-z-]+):8080");
		for (Map<String, Object> deployment : deployments) {
			Map<String, Object> podSpec = cast(cast(cast(deployment.get("spec")).get("template")).get("spec"));
			Map<String, Object> source = cast(((List<?>) podSpec.get("containers")).get(0));
			String app = (String) source.get("name");
			Integer port = PORTS.get(app);
			if (port == null) {
				continue; // not one of the applications (none other is rendered with these values)
			}
			Map<String, String> values = new LinkedHashMap<>();
			for (Object from : list(source.get("envFrom"))) {
				String configMap = (String) cast(cast(from).get("configMapRef")).get("name");
				values.putAll(require(configMaps, configMap, "ConfigMap"));
			}
			for (Object item : list(source.get("env"))) {
				Map<String, Object> variable = cast(item);
				String name = (String) variable.get("name");
				if (variable.containsKey("value")) {
					values.put(name, String.valueOf(variable.get("value")));
					continue;
				}
				Map<String, Object> ref = cast(cast(variable.get("valueFrom")).get("secretKeyRef"));
				String value = require(secrets, (String) ref.get("name"), "Secret").get((String) ref.get("key"));
				if (value == null) {
					throw new IllegalStateException(app + ": no key " + ref.get("key") + " in Secret " + ref.get("name"));
				}
				values.put(name, value);
			}
			values.put("SERVER_PORT", String.valueOf(port));
			values.replaceAll((name, value) -> {
				Matcher matcher = serviceUrl.matcher(value);
				StringBuilder local = new StringBuilder();
				while (matcher.find()) {
					Integer target = PORTS.get(matcher.group(1));
					matcher.appendReplacement(local, target == null ? matcher.group() : "http://localhost:" + target);
				}
				return matcher.appendTail(local).toString();
			});
			// No ports: with --network none podman refuses port mappings, and the pod's loopback needs none.
			containers.add(container(app, (String) source.get("image"), env(values)));
		}
		if (containers.size() != 3 + PORTS.size()) {
			throw new IllegalStateException("expected a Deployment per application, rendered: " + kinds);
		}

		Map<String, Object> pod = new LinkedHashMap<>();
		pod.put("apiVersion", "v1");
		pod.put("kind", "Pod");
		pod.put("metadata", Map.of("name", RELEASE, "labels", Map.of("app.kubernetes.io/part-of", "fountain")));
		Map<String, Object> spec = new LinkedHashMap<>();
		spec.put("restartPolicy", "OnFailure");
		spec.put("containers", containers);
		pod.put("spec", spec);
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		Files.writeString(out, "# Folded by infra/podman/pods/ChartToPod.java from the chart's rendering (rendered.yaml): "
				+ kinds + "\n" + new Yaml(options).dump(pod));
		// For the caller: the edge's signing key (bearer tokens) and the callers' secret.
		Map<String, String> edgeAuth = require(secrets, RELEASE + "-edge-auth", "Secret");
		Files.writeString(secretsOut, "EDGE_HMAC_SECRET=" + edgeAuth.get("hmac-secret") + "\n");
		System.out.println("chart-pod: rendered " + kinds + "; folded " + containers.size() + " containers into pod "
				+ RELEASE + ": " + out);
	}

	static Map<String, Object> container(String name, String image, List<Map<String, String>> env) {
		Map<String, Object> container = new LinkedHashMap<>();
		container.put("name", name);
		container.put("image", image);
		container.put("env", env);
		return container;
	}

	static List<Map<String, String>> env(Map<String, String> values) {
		List<Map<String, String>> env = new ArrayList<>();
		values.forEach((name, value) -> env.add(Map.of("name", name, "value", value)));
		return env;
	}

	static <T> Map<String, String> require(Map<String, Map<String, String>> known, String name, String kind) {
		Map<String, String> values = known.get(name);
		if (values == null) {
			throw new IllegalStateException("no " + kind + " " + name + " rendered or provided");
		}
		return values;
	}

	static Map<String, String> strings(Object map) {
		Map<String, String> strings = new LinkedHashMap<>();
		if (map != null) {
			cast(map).forEach((key, value) -> strings.put(key, String.valueOf(value)));
		}
		return strings;
	}

	static List<?> list(Object value) {
		return value == null ? List.of() : (List<?>) value;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> cast(Object map) {
		return (Map<String, Object>) map;
	}

}
