package io.fountain.parents;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import io.fountain.eventing.inbox.IdempotentConsumer;

/**
 * One consumer per parent topic the service follows (so a service under scenes and
 * characters applies the two in parallel, as its hand-written listeners did), in the
 * service's consumer group, each poll applied through the {@link IdempotentConsumer}
 * (once per event, in one transaction, a failing record retried then dead-lettered
 * alone). Made from the service's listener container factory, so they get its error
 * handler, offset commits and observation like every {@code @KafkaListener}.
 */
public class ParentEventsListeners implements SmartLifecycle {

	private final List<ConcurrentMessageListenerContainer<Object, Object>> containers = new ArrayList<>();

	private volatile boolean running;

	public ParentEventsListeners(ChildKinds children, IdempotentConsumer consumer,
			ConcurrentKafkaListenerContainerFactory<Object, Object> factory) {
		for (ParentKind kind : children.followed()) {
			ConcurrentMessageListenerContainer<Object, Object> container = factory
				.createContainer(kind.topic().topicName());
			container.setBeanName("parent-events-" + kind.wire());
			container.setupMessageListener(
					(BatchMessageListener<Object, Object>) records -> apply(consumer, children, kind, records));
			containers.add(container);
		}
	}

	@SuppressWarnings("unchecked")
	private static void apply(IdempotentConsumer consumer, ChildKinds children, ParentKind kind,
			List<ConsumerRecord<Object, Object>> records) {
		// The services' consumers read String keys and byte[] values (EventingDefaults).
		List<ConsumerRecord<String, byte[]>> raw = (List<ConsumerRecord<String, byte[]>>) (List<?>) records;
		consumer.consumeAll(raw, kind.topic().valueType(), event -> children.apply(kind, event));
	}

	@Override
	public void start() {
		containers.forEach(ConcurrentMessageListenerContainer::start);
		running = true;
	}

	@Override
	public void stop() {
		containers.forEach(ConcurrentMessageListenerContainer::stop);
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		// With the @KafkaListener containers: after everything they need has started,
		// before it stops.
		return AbstractMessageListenerContainer.DEFAULT_PHASE;
	}

}
