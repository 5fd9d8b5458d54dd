package org.opencrm.platform.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Carries the trace across the outbox: the writing request's context is captured into the row's headers and
 * restored around the Kafka send, so one trace spans the HTTP call, the relay and the consumer.
 */
public class TraceContextCarrier {

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContextCarrier(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    public Map<String, String> capture() {
        Span span = tracer.currentSpan();
        Map<String, String> headers = new HashMap<>();
        if (span != null) {
            propagator.inject(span.context(), headers, Map::put);
        }
        return headers;
    }

    public Optional<String> currentTraceId() {
        return Optional.ofNullable(tracer.currentSpan()).map(span -> span.context().traceId());
    }

    /** Runs the action inside a span that continues the captured trace (or starts one if nothing was captured). */
    public <T> T continueTrace(Map<String, String> captured, String spanName, Supplier<T> action) {
        Span span = propagator.extract(captured, Map::get).name(spanName).start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            return action.get();
        }
        finally {
            span.end();
        }
    }
}
