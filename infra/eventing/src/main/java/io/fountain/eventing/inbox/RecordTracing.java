package io.fountain.eventing.inbox;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Continues the trace a record carries ({@code traceparent} header) around the work done
 * for it, so that the events its handler appends, and its log lines, belong to the trace
 * of the request that started the cascade. Records of a poll are applied together, so
 * each gets its own span here rather than one for the poll.
 */
@FunctionalInterface
public interface RecordTracing {

	RecordTracing NONE = (record, work) -> work.run();

	void runInTraceOf(ConsumerRecord<String, byte[]> record, Runnable work);

	static RecordTracing using(Tracer tracer, Propagator propagator) {
		return (record, work) -> {
			Span span = propagator.extract(record.headers(), RecordTracing::header)
				.name("apply " + record.topic())
				.kind(Span.Kind.CONSUMER)
				.start();
			try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
				work.run();
			}
			catch (RuntimeException ex) {
				span.error(ex);
				throw ex;
			}
			finally {
				span.end();
			}
		};
	}

	private static String header(Headers headers, String key) {
		Header header = headers.lastHeader(key);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
