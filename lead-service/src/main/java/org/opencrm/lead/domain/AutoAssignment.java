package org.opencrm.lead.domain;

import java.util.Optional;
import java.util.UUID;

/** Chooses the assignee of a lead created without one (a strategy among the active sales users). */
public interface AutoAssignment {

    /** The sales user to assign the new lead to, or empty to leave it unassigned for now. */
    Optional<SalesUser> chooseFor(UUID leadId, UUID customerId);
}
