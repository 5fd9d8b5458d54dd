package org.opencrm.reporting.events.in;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.persistence.TransactionScoped;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * A handler that tells which widget datasets its event touched: {@code broadcast} inside the event's transaction (for
 * the other instances, delivered on commit), {@code changed} once it committed (this instance): only committed rows
 * are ever pushed to a dashboard, and one place maps event types to datasets. A transaction applies a poll's events:
 * their datasets are gathered and told once, just before it commits and after.
 */
public final class ChangeReportingHandler<P> implements InboundEventHandler<P> {

    private final InboundEventHandler<P> handler;
    private final Consumer<List<String>> broadcast;
    private final Consumer<List<String>> changed;
    private final List<String> datasets;

    public ChangeReportingHandler(InboundEventHandler<P> handler, Consumer<List<String>> broadcast,
            Consumer<List<String>> changed) {
        this.handler = handler;
        this.broadcast = broadcast;
        this.changed = changed;
        this.datasets = datasetsOf(handler.eventType());
    }

    /** The handler itself, for a rebuild by replay (whose changes are announced once, at its end). */
    public InboundEventHandler<P> handler() {
        return handler;
    }

    /** The datasets (of widget queries) an event type changes. */
    static List<String> datasetsOf(String eventType) {
        return switch (eventType) {
            case "customer.note-added", "lead.note-added", "customer.communication-logged",
                    "customer.document-attached" ->
                List.of("activities");
            case "follow-up.created", "follow-up.completed" -> List.of("follow-ups", "activities");
            // a purge or deletion also hides the customer's leads, payments and activities
            case "customer.deleted", "customer.restored", "customer.purged" ->
                List.of("customers", "leads", "payments", "activities", "follow-ups");
            // ownership is joined into payments (and follow-ups through leads) when counted
            case "customer.owner-changed" -> List.of("customers", "payments");
            case "lead.assigned", "lead.deleted" -> List.of("leads", "payments", "follow-ups", "activities");
            default -> List.of(eventType.startsWith("follow-up.") ? "follow-ups"
                    : eventType.substring(0, eventType.indexOf('.')) + "s");
        };
    }

    @Override
    public String eventType() {
        return handler.eventType();
    }

    @Override
    public Class<P> payloadType() {
        return handler.payloadType();
    }

    @Override
    public boolean supportsVersion(int version) {
        return handler.supportsVersion(version);
    }

    @Override
    public void handle(EventEnvelope envelope, P payload) {
        handler.handle(envelope, payload);
        Changes changes = TransactionScoped.get(Changes.class, () -> new Changes(broadcast, changed));
        if (changes != null) {
            changes.datasets.addAll(datasets);
        }
        else {
            changed.accept(datasets);
        }
    }

    /** The datasets the events of one transaction changed, told once for all of them. */
    private static final class Changes implements TransactionSynchronization {

        private final Set<String> datasets = new TreeSet<>();
        private final Consumer<List<String>> broadcast;
        private final Consumer<List<String>> changed;

        Changes(Consumer<List<String>> broadcast, Consumer<List<String>> changed) {
            this.broadcast = broadcast;
            this.changed = changed;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            broadcast.accept(List.copyOf(datasets));
        }

        @Override
        public void afterCommit() {
            changed.accept(List.copyOf(datasets));
        }
    }
}
