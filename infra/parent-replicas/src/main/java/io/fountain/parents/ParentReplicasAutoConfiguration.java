package io.fountain.parents;

import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import io.fountain.access.LiveScripts;
import io.fountain.access.ScriptAccess;
import io.fountain.access.ScriptAccessAutoConfiguration;
import io.fountain.access.ScriptCascade;
import io.fountain.callers.CallerTokens;
import io.fountain.eventing.Periodically;
import io.fountain.eventing.inbox.IdempotentConsumer;
import io.fountain.eventing.inbox.Remembered;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A child service's replicas of its parents ({@link KnownParents}), the lookups that
 * confirm a parent the replica has not heard of ({@code fountain.parents.sources}), and,
 * from the service's {@link ChildKind} declarations, the parent-child mechanism: the
 * parents' events followed, the script's one-step deletion, and the reconciliation that
 * deletes what a lost deletion left.
 */
@AutoConfiguration(after = ScriptAccessAutoConfiguration.class)
@EnableConfigurationProperties(ParentSettings.class)
@ConditionalOnProperty("fountain.eventing.registry-url")
public class ParentReplicasAutoConfiguration {

	@Bean
	KnownParents knownParents(JdbcClient jdbc, LiveScripts scripts) {
		return new KnownParents(jdbc, scripts);
	}

	@Bean
	Parents parents(KnownParents known, ParentSettings settings, TransactionTemplate transactions, CallerTokens tokens,
			ScriptAccess access) {
		Map<ParentKind, ParentLookup> lookups = new HashMap<>();
		settings.sources()
			.forEach((kind, source) -> lookups.put(kind,
					new ParentLookup(source.owner(), source.url(), source.collection(), source.timeout(), tokens)));
		return new Parents(known, lookups, transactions, access);
	}

	/**
	 * A deleted parent's tombstone goes once no message can ask about the parent any
	 * more.
	 */
	@Bean
	Remembered deletedParents() {
		return past -> past.deleteInChunks("known_parent", "(kind, id)", "deleted AND updated_at < " + past.before());
	}

	/**
	 * The service's child kinds, declared once each: everything its parents' events do
	 * here.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(ChildKind.class)
	static class Children {

		@Bean
		ChildKinds childKinds(ObjectProvider<ChildKind> kinds, KnownParents known) {
			return new ChildKinds(kinds.orderedStream().toList(), known);
		}

		@Bean
		ParentEventsListeners parentEventsListeners(ChildKinds children, IdempotentConsumer consumer,
				ConcurrentKafkaListenerContainerFactory<Object, Object> factory) {
			return new ParentEventsListeners(children, consumer, factory);
		}

		/**
		 * A script's deletion in this service (ScriptDeletion, ADR 12): every child
		 * kind's rows of it.
		 */
		@Bean
		ScriptCascade childrenOfTheDeletedScript(ChildKinds children) {
			return children::scriptDeleted;
		}

		@Bean
		Reconciler reconciler(KnownParents known, TransactionTemplate transactions, ChildKinds children,
				MeterRegistry meters) {
			return new Reconciler(known, transactions, children.reconciliationTargets(), meters);
		}

		@Bean
		Periodically reconciliation(Reconciler reconciler, ParentSettings settings) {
			return new Periodically("reconciler", settings.reconciliationInterval(), reconciler::reconcileOnce);
		}

	}

}
