package io.fountain.access;

import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.support.TransactionTemplate;

import io.fountain.callers.CallerTokens;
import io.fountain.eventing.EventingAutoConfiguration;
import io.fountain.eventing.EventingSettings;
import io.fountain.eventing.TopicsToCreate;
import io.fountain.eventing.inbox.RecordTracing;
import io.fountain.eventing.inbox.Remembered;
import io.fountain.eventing.serde.AvroCodec;
import io.fountain.events.Topic;

/**
 * Who may do what with each script, in a service: in script-svc
 * ({@code fountain.access.replica=false}) the record itself; in every other service a
 * replica kept from script events by {@link ScriptAccessListener}, completed by asking
 * script-svc, with the script's deletion in one step ({@link ScriptDeletion}).
 */
@AutoConfiguration(after = EventingAutoConfiguration.class)
@EnableConfigurationProperties(AccessSettings.class)
@ConditionalOnProperty("fountain.eventing.registry-url")
public class ScriptAccessAutoConfiguration {

	@Bean
	LiveScripts liveScripts(JdbcClient jdbc) {
		return new LiveScripts(jdbc);
	}

	@Bean
	ScriptAccess scriptAccess(JdbcClient jdbc, TransactionTemplate transactions, AccessSettings settings,
			CallerTokens tokens) {
		return new ScriptAccess(jdbc, transactions,
				settings.replica() ? new AccessLookup(settings.url(), settings.timeout(), tokens) : null);
	}

	/**
	 * A deleted script's roles and tombstone go once no message can ask about it any
	 * more.
	 */
	@Bean
	Remembered deletedScripts(JdbcTemplate jdbc) {
		return past -> past.inChunksOf(
				"SELECT script_id FROM script_known WHERE deleted AND deleted_at < " + past.before(), UUID.class,
				ids -> {
					// Who had a part in the script goes with it: kept until now for the
					// deletion's progress.
					Object array = ids.toArray(UUID[]::new);
					jdbc.update("DELETE FROM script_access WHERE script_id = ANY (?)", array);
					jdbc.update("DELETE FROM script_known WHERE script_id = ANY (?)", array);
				});
	}

	/**
	 * The replica of a service other than script-svc, and what a script's deletion does
	 * in it.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "fountain.access.replica", matchIfMissing = true)
	static class Replica {

		@Bean
		ScriptAccessListener scriptAccessListener(AvroCodec codec, ScriptAccess access, ScriptDeletion deletion,
				TransactionTemplate transactions, RecordTracing tracing) {
			return new ScriptAccessListener(codec, access, deletion, transactions, tracing);
		}

		/**
		 * A script's deletion in this service: every {@link ScriptCascade} it declares,
		 * in one step.
		 */
		@Bean
		ScriptDeletion scriptDeletion(LiveScripts scripts, ScriptAccess access,
				ObjectProvider<ScriptCascade> cascades) {
			return new ScriptDeletion(scripts, access, cascades.orderedStream().toList());
		}

		/** The replica follows script events: their topic and its dead letters. */
		@Bean
		KafkaAdmin.NewTopics scriptTopics(EventingSettings settings) {
			return TopicsToCreate.consumed(settings, Topic.SCRIPT);
		}

	}

}
