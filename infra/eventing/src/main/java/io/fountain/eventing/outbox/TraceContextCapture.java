package io.fountain.eventing.outbox;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Captures the W3C {@code traceparent} of the work in progress when an event is appended,
 * so that the relay, which publishes later on its own thread, can put it in the record's
 * headers and the consumer's trace continues the request's.
 */
public interface TraceContextCapture {

	TraceContextCapture NONE = () -> null;

	String currentTraceparent();

	static TraceContextCapture using(Tracer tracer, Propagator propagator) {
		return () -> {
			TraceContext context = tracer.currentTraceContext().context();
			if (context == null) {
				return null;
			}
			Map<String, String> carrier = new HashMap<>();
			propagator.inject(context, carrier, Map::put);
			return carrier.get("traceparent");
		};
	}

}
