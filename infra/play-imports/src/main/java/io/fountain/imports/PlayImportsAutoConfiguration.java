package io.fountain.imports;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.fountain.callers.CallerTokens;
import io.fountain.eventing.inbox.Remembered;
import io.fountain.eventing.outbox.Outbox;
import io.fountain.parents.ParentReplicasAutoConfiguration;
import io.fountain.parents.Parents;

/**
 * A service's part in importing a whole play (POST /plays, ADR 10 and 13): reading the
 * parts from script-svc's claim check, making them under their parents, and refusing a
 * part once with a {@code PartRejected}.
 */
@AutoConfiguration(after = ParentReplicasAutoConfiguration.class)
@EnableConfigurationProperties(ImportSettings.class)
@ConditionalOnProperty("fountain.eventing.registry-url")
public class PlayImportsAutoConfiguration {

	@Bean
	ClaimCheckReader importParts(ImportSettings settings, CallerTokens tokens) {
		return new ClaimCheckReader(settings, tokens);
	}

	@Bean
	PartRejections importRejections(Outbox outbox, JdbcClient jdbc, Environment environment) {
		return new PartRejections(outbox, jdbc, environment.getRequiredProperty("spring.application.name"));
	}

	/**
	 * A refusal said once need not be remembered past the horizon: the part's events are
	 * gone from the topics.
	 */
	@Bean
	Remembered importRejectionsSaid() {
		return past -> past.deleteInChunks("import_rejection", "(import_id, part, element)",
				"rejected_at < " + past.before());
	}

	@Bean
	@ConditionalOnBean(Parents.class)
	ImportStep imports(Parents parents, ClaimCheckReader parts, PartRejections rejections, ImportSettings settings,
			JdbcClient jdbc) {
		return new ImportStep(parents, parts, rejections, settings, jdbc);
	}

}
