package org.opencrm.lead.domain.assignment;

/** The strategies {@code crm.leads.assignment.strategy} may name. */
public enum AssignmentStrategyName {
    ROUND_ROBIN, FEWEST_OPEN;

    public AssignmentStrategy strategy() {
        return switch (this) {
            case ROUND_ROBIN -> new RoundRobin();
            case FEWEST_OPEN -> new FewestOpenLeads();
        };
    }
}
