package org.opencrm.lead.application;

import java.util.Optional;
import java.util.UUID;

import org.opencrm.lead.domain.AutoAssignment;
import org.opencrm.lead.domain.SalesUser;

/** The assignee of a lead created without one, by the configured strategy. */
public class TeamAutoAssignment implements AutoAssignment {

    private final AutomaticAssignment assignment;

    public TeamAutoAssignment(AutomaticAssignment assignment) {
        this.assignment = assignment;
    }

    @Override
    public Optional<SalesUser> chooseFor(UUID leadId, UUID customerId) {
        return assignment.choose().map(SalesTeamDirectory::salesUser);
    }
}
