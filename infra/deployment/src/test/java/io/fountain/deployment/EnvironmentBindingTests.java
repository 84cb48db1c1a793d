package io.fountain.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;
import tools.jackson.databind.JsonNode;

import io.fountain.access.AccessSettings;
import io.fountain.edge.EdgeSettings;
import io.fountain.edge.security.AuthSettings;
import io.fountain.eventing.CallerSettings;
import io.fountain.eventing.EventTopicConverter;
import io.fountain.eventing.EventingSettings;
import io.fountain.eventing.api.TopicCatalogue;
import io.fountain.imports.ImportSettings;
import io.fountain.parents.ParentKind;
import io.fountain.parents.ParentSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each application's container environment (its ConfigMap's variables and its
 * Secrets' keys) becomes once Spring Boot binds it over the application's own
 * application.yml, as it will in the pod: the Kafka clients' configuration and the
 * applications' own settings records (fountain.parents.sources.<kind>.url,
 * fountain.access.url, fountain.imports.url, fountain.eventing.*,
 * fountain.callers.secret, fountain.edge.*). A misspelt variable binds to nothing and
 * leaves the application.yml's local address, silently: these catch it.
 */
class EnvironmentBindingTests {

	private static final String F = RenderedChart.RELEASE;

	@ParameterizedTest
	@ValueSource(strings = { "operators", "external", "local" })
	void theKafkaVariablesMakeTheClientsConfiguration(String valueSet) {
		RenderedChart chart = RenderedChart.of(valueSet);
		for (Application application : Application.in(Repository.root())) {
			Binder binder = binder(chart, application);
			KafkaProperties kafka = binder.bindOrCreate("spring.kafka", KafkaProperties.class);
			Map<String, Object> producer = kafka.buildProducerProperties();
			String user = valueSet.equals("external") ? "fountain-kafka-" + application.name()
					: F + "-" + application.name();
			assertThat(producer.get("bootstrap.servers")).asString()
				.contains(valueSet.equals("external") ? "kafka-2.kafka.example.com:9093"
						: F + "-kafka-kafka-bootstrap:9093")
				.doesNotContain("127.0.0.1");
			assertThat(producer).containsEntry("security.protocol", "SASL_SSL")
				.containsEntry("sasl.mechanism", "SCRAM-SHA-512")
				.containsEntry("sasl.jaas.config", "<" + user + "/sasl.jaas.config>")
				.containsEntry("ssl.truststore.type", "PEM")
				.containsEntry("ssl.truststore.location", "/etc/fountain/kafka-ca/ca.crt");
			assertThat(kafka.buildConsumerProperties()).containsEntry("sasl.jaas.config",
					producer.get("sasl.jaas.config"));
			assertThat(kafka.buildAdminProperties()).containsEntry("security.protocol", "SASL_SSL");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "operators", "external", "local" })
	void theServicesSettingsAreTheDeploymentsNotTheirLocalDefaults(String valueSet) {
		RenderedChart chart = RenderedChart.of(valueSet);
		String script = "http://" + F + "-script-svc:8080";
		for (Application application : Application.in(Repository.root())) {
			Binder binder = binder(chart, application);
			assertThat(binder.bind("server.port", Integer.class).get()).isEqualTo(8080);
			assertThat(binder.bind("management.endpoint.health.probes.enabled", Boolean.class).get()).isTrue();
			assertThat(binder.bind("spring.datasource.url", String.class).get()).endsWith("/jdbc-uri>");
			assertThat(binder.bind("spring.datasource.username", String.class).get()).endsWith("/username>");
			assertThat(binder.bind("spring.datasource.password", String.class).get()).endsWith("/password>");
			if (!application.eventing()) {
				continue;
			}
			EventingSettings eventing = binder.bind("fountain.eventing", EventingSettings.class).get();
			assertThat(eventing.registryUrl()).isEqualTo(valueSet.equals("external")
					? "https://schema-registry.example.com" : "http://" + F + "-registry:8080/apis/ccompat/v7");
			assertThat(eventing.partitions()).isEqualTo(switch (valueSet) {
				case "operators" -> 6;
				case "external" -> 12;
				default -> 3;
			});
			assertThat(eventing.replicationFactor()).isEqualTo((short) (valueSet.equals("local") ? 1 : 3));
			assertThat(eventing.retention().topics()).isEqualTo(Duration.ofDays(7));
			assertThat(eventing.retention().segment()).isEqualTo(Duration.ofDays(1));
			// What the generator read from the same application.yml.
			assertThat(eventing.produces()).isEqualTo(application.produces());
			assertThat(eventing.consumes()).isEqualTo(application.consumes());
			assertThat(binder.bind("fountain.callers", CallerSettings.class).get().secret())
				.isEqualTo("<" + F + "-callers/secret>");
			AccessSettings access = binder.bind("fountain.access", AccessSettings.class).get();
			assertThat(access.url()).isEqualTo(script);
			assertThat(access.replica()).isEqualTo(application.accessReplica());
			assertThat(binder.bind("fountain.imports", ImportSettings.class).get().url()).isEqualTo(script);
			Map<String, String> parents = new LinkedHashMap<>();
			binder.bind("fountain.parents", ParentSettings.class)
				.map(ParentSettings::sources)
				.orElse(Map.of())
				.forEach((kind, source) -> {
					assertThat(source.owner()).isNotBlank();
					assertThat(source.url()).isEqualTo("http://" + F + "-" + source.owner() + ":8080");
					parents.put(kind.name(), source.owner());
				});
			assertThat(parents).as(application.name()).isEqualTo(switch (application.name()) {
				case "act-svc", "character-svc" -> Map.of(ParentKind.SCRIPT.name(), "script-svc");
				case "scene-svc" -> Map.of(ParentKind.ACT.name(), "act-svc");
				case "dialogue-svc" ->
					Map.of(ParentKind.SCENE.name(), "scene-svc", ParentKind.CHARACTER.name(), "character-svc");
				case "transition-svc" -> Map.of(ParentKind.SCENE.name(), "scene-svc");
				default -> Map.of();
			});
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "operators", "external", "local" })
	void theEdgesSettingsAreTheDeployments(String valueSet) {
		Application edge = Application.in(Repository.root())
			.stream()
			.filter(a -> a.name().equals("edge-api"))
			.findFirst()
			.orElseThrow();
		Binder binder = binder(RenderedChart.of(valueSet), edge);
		EdgeSettings settings = binder.bind("fountain.edge", EdgeSettings.class).get();
		assertThat(settings.services()).hasSize(6)
			.containsEntry("script", "http://" + F + "-script-svc:8080")
			.containsEntry("dialogue", "http://" + F + "-dialogue-svc:8080");
		assertThat(settings.routes()).isNotEmpty();
		AuthSettings auth = binder.bind("fountain.edge.auth", AuthSettings.class).get();
		assertThat(auth.callersSecret()).isEqualTo("<" + F + "-callers/secret>");
		if (valueSet.equals("local")) {
			assertThat(auth.hmacSecret()).isEqualTo("<" + F + "-edge-auth/hmac-secret>");
			assertThat(auth.jwksUri()).isNull();
			assertThat(auth.issuer()).isEqualTo("fountain-local");
		}
		else {
			assertThat(auth.jwksUri()).startsWith("https://login.example.com/");
			assertThat(auth.hmacSecret()).isNull();
			assertThat(auth.issuer()).isEqualTo("https://login.example.com/realms/fountain");
		}
		assertThat(auth.corsAllowedOrigins())
			.isEqualTo(valueSet.equals("operators") ? List.of("https://write.example.com") : List.of());
	}

	/**
	 * The container's environment over the application's application.yml: the ConfigMap's
	 * variables, and each variable from a Secret as {@code <secret/key>} (the value the
	 * kubelet would put there).
	 */
	private static Binder binder(RenderedChart chart, Application application) {
		Map<String, Object> environment = new LinkedHashMap<>();
		chart.named("ConfigMap", F + "-" + application.name())
			.path("data")
			.properties()
			.forEach(e -> environment.put(e.getKey(), e.getValue().asString()));
		for (JsonNode env : chart.named("Deployment", F + "-" + application.name())
			.at("/spec/template/spec/containers/0/env")) {
			JsonNode ref = env.at("/valueFrom/secretKeyRef");
			environment.put(env.path("name").asString(),
					"<" + ref.path("name").asString() + "/" + ref.path("key").asString() + ">");
		}
		List<PropertySource<?>> sources = new ArrayList<>();
		sources.add(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				environment));
		Path yml = Repository.root().resolve(application.module()).resolve("src/main/resources/application.yml");
		try {
			sources.addAll(new YamlPropertySourceLoader().load("application.yml", new FileSystemResource(yml)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// As the services bind it: topics by their names in the catalogue.
		ApplicationConversionService conversions = new ApplicationConversionService();
		conversions.addConverter(new EventTopicConverter(TopicCatalogue.onClassPath()));
		return new Binder(ConfigurationPropertySources.from(sources), null, conversions);
	}

}
