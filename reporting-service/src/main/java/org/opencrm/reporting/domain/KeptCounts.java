package org.opencrm.reporting.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * When and how a statistic reads the kept counts ({@code V4__rollups.sql}, {@code V6__revenue_and_follow_up_rollups.sql},
 * {@code V7__customer_tag_rollup.sql}) instead of the facts: for whole days only (the counts are per UTC day), for
 * leads and customers grouped and filtered by columns the counts keep, for revenue and the open follow-ups due. Their
 * columns are named and aliased as the facts' (but for the tag), so a widget's filter SQL and the viewer's rule read
 * either alike.
 */
final class KeptCounts {

    private KeptCounts() {
    }

    static boolean answer(Period period) {
        return period.wholeDays();
    }

    /** Whether the widget query's answer is the same counted from the kept counts. */
    static boolean answer(CompiledQuery query) {
        return query.keptColumnsOnly() && answer(query.period())
                && (query.dataset() == Dataset.LEADS || query.dataset() == Dataset.CUSTOMERS);
    }

    /** A sales user's payments: of customers they own now or leads assigned to them now, as the buckets are keyed. */
    static String paymentsVisible(Viewer viewer, String bucket) {
        return viewer.limited() ? " and (" + bucket + ".owner_id = :viewer or " + bucket + ".assignee = :viewer)" : "";
    }

    /** A sales user's follow-ups: assigned to them or on a lead assigned to them. */
    static String followUpsVisible(Viewer viewer, String bucket) {
        return viewer.limited() ? " and (" + bucket + ".assignee = :viewer or " + bucket + ".lead_assignee = :viewer)"
                : "";
    }

    /**
     * Whether the customers per tag answer a query grouped or filtered by tag as the facts do. A customer counts once
     * per tag (its tags arrive distinct), so grouped by tag, or filtered by one tag, is a sum over that tag's buckets;
     * grouped by tag among customers with some tag, or filtered by several (a customer with two counts once), is not.
     */
    static boolean answerTags(String groupBy, List<QueryDefinition.Filter> filters) {
        List<QueryDefinition.Filter> byTag = filters.stream().filter(f -> "tag".equals(f.field())).toList();
        if ("tag".equals(groupBy)) {
            return byTag.isEmpty();
        }
        if (byTag.size() != 1) {
            return false;
        }
        if ("eq".equals(byTag.get(0).operator())) {
            return true;
        }
        Set<String> values = new HashSet<>();
        byTag.get(0).value().forEach(value -> values.add(value.asString()));
        return values.size() == 1;
    }

    static String from(CompiledQuery query) {
        if (query.dataset() == Dataset.LEADS) {
            return "lead_rollup l";
        }
        return query.byTag() ? "customer_tag_rollup c" : "customer_rollup c";
    }

    /** A dimension's column in the kept counts: the facts' own name, but for the tag. */
    static String key(Dataset dataset, String dimension) {
        return dataset == Dataset.CUSTOMERS && "tag".equals(dimension) ? "c.tag" : dataset.dimensions.get(dimension);
    }

    /** The day of creation, a UTC midnight: compared with whole-day periods as the facts' creation times are. */
    static String time(Dataset dataset) {
        return dataset == Dataset.LEADS ? "l.day" : "c.day";
    }

    /** count, sum or average over buckets: a sum of no value is null, as is an average of none. */
    static String aggregate(Dataset dataset, String function) {
        if (function == null) {
            return dataset == Dataset.LEADS ? "coalesce(sum(l.leads), 0)" : "coalesce(sum(c.customers), 0)";
        }
        return "sum".equals(function) ? "case when sum(l.valued) > 0 then sum(l.value_sum) end"
                : "sum(l.value_sum) / nullif(sum(l.valued), 0)";
    }
}
