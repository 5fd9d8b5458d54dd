package org.opencrm.reporting.domain;

/**
 * The record-level rules as SQL conditions (each starts with {@code and}), empty for a viewer who sees everything.
 * Ownership is looked up when asked, from the customers' and leads' current owners, never copied into the facts.
 */
final class Visibility {

    private Visibility() {
    }

    static String leads(Viewer viewer, String lead) {
        return viewer.limited() ? " and " + lead + ".assignee = :viewer" : "";
    }

    /** A payment (or refund) of a customer the viewer owns, or of a lead assigned to them. */
    static String payments(Viewer viewer, String customerId, String leadId) {
        return viewer.limited() ? " and (exists (select 1 from customer_fact vc where vc.id = " + customerId
                + " and vc.owner_id = :viewer) or exists (select 1 from lead_fact vl where vl.id = " + leadId
                + " and vl.assignee = :viewer))" : "";
    }

    /** A follow-up assigned to the viewer or on a lead assigned to them. */
    static String followUps(Viewer viewer, String followUp) {
        return viewer.limited() ? " and (" + followUp + ".assignee = :viewer or exists (select 1 from lead_fact vl"
                + " where vl.id = " + followUp + ".lead_id and vl.assignee = :viewer))" : "";
    }

    /** activity-service's rule: nothing about another's lead (or a lead nobody heard of). */
    static String activities(Viewer viewer, String activity) {
        return viewer.limited() ? " and (" + activity + ".lead_id is null or exists (select 1 from lead_fact vl"
                + " where vl.id = " + activity + ".lead_id and vl.assignee = :viewer))" : "";
    }

    /** Nothing of a purged customer counts. */
    static String notPurged(String customerId) {
        return " and not exists (select 1 from customer_fact pc where pc.id = " + customerId + " and pc.purged)";
    }
}
