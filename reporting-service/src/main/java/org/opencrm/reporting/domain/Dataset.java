package org.opencrm.reporting.domain;

import java.util.Map;
import java.util.Optional;

/**
 * What a widget may count: a read model, its time (what a period and the day/week/month dimensions cut), its money
 * field (sum and average, per currency), its categorical dimensions and filters (SQL over the row's aliases), and the
 * viewer's record-level rule.
 */
enum Dataset {
    CUSTOMERS("customers", "customer_fact c", "c.created_at is not null and not c.deleted and not c.purged",
            "c.created_at", null, null, null,
            Map.of("owner", "c.owner_id", "tag", "tag.value")) {
        @Override
        String visibility(Viewer viewer) {
            return ""; // every user with a CRM role lists all customers
        }
    },
    LEADS("leads", "lead_fact l", "not l.deleted and l.status is not null", "l.created_at", "value", "l.value",
            "l.currency", Map.of("status", "l.status", "source", "l.source", "owner", "l.assignee",
                    "currency", "l.currency")) {
        @Override
        String visibility(Viewer viewer) {
            return Visibility.leads(viewer, "l");
        }
    },
    PAYMENTS("payments", "payment_fact p left join lead_fact pl on pl.id = p.lead_id"
            + " left join customer_fact pcu on pcu.id = p.customer_id", "p.amount is not null",
            "coalesce(p.paid_at, p.recorded_at)", "amount", "p.amount", "p.currency",
            Map.of("status", "p.status", "method", "p.method", "currency", "p.currency",
                    "owner", "coalesce(pl.assignee, pcu.owner_id)")) {
        @Override
        String visibility(Viewer viewer) {
            return Visibility.payments(viewer, "p.customer_id", "p.lead_id");
        }
    },
    ACTIVITIES("activities", "activity_fact a", "true" + Visibility.notPurged("a.customer_id"), "a.occurred_at",
            null, null, null, Map.of("type", "a.kind", "owner", "a.actor_id")) {
        @Override
        String visibility(Viewer viewer) {
            return Visibility.activities(viewer, "a");
        }
    },
    FOLLOW_UPS("follow-ups", "follow_up_fact f", "true" + Visibility.notPurged("f.customer_id"), "f.due_at", null,
            null, null, Map.of("status", "f.status", "owner", "f.assignee")) {
        @Override
        String visibility(Viewer viewer) {
            return Visibility.followUps(viewer, "f");
        }
    };

    /** The tag dimension ({@code tag.value}): one group per tag of a customer; filters look into the tag list. */
    static final String TAG_JOIN = " cross join lateral jsonb_array_elements_text(c.tags) as tag(value)";

    final String label;
    final String from;
    final String where;
    final String time;
    final String moneyField;
    final String money;
    final String currency;
    final Map<String, String> dimensions;

    Dataset(String label, String from, String where, String time, String moneyField, String money, String currency,
            Map<String, String> dimensions) {
        this.label = label;
        this.from = from;
        this.where = where;
        this.time = time;
        this.moneyField = moneyField;
        this.money = money;
        this.currency = currency;
        this.dimensions = dimensions;
    }

    abstract String visibility(Viewer viewer);

    static Optional<Dataset> named(String label) {
        for (Dataset dataset : values()) {
            if (dataset.label.equals(label)) {
                return Optional.of(dataset);
            }
        }
        return Optional.empty();
    }

    /** A filter on a categorical field; the tag filter looks into the customer's tag list. */
    String categoricalFilter(String field, String comparison) {
        if (this == CUSTOMERS && "tag".equals(field)) {
            return "exists (select 1 from jsonb_array_elements_text(c.tags) ft(value) where ft.value " + comparison + ")";
        }
        return dimensions.get(field) + " " + comparison;
    }
}
