package org.opencrm.lead.domain.assignment;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The enabled user with the fewest open leads; a tie goes to the lowest id, so replicas agree. */
public final class FewestOpenLeads implements AssignmentStrategy {

    @Override
    public Optional<SalesUser> choose(List<SalesUser> salesUsers, AssignmentFacts facts) {
        List<SalesUser> eligible = AssignmentStrategy.eligible(salesUsers);
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> open = facts.openLeads(eligible.stream().map(SalesUser::id).toList());
        return eligible.stream()
                .min(Comparator.comparingLong((SalesUser user) -> open.getOrDefault(user.id(), 0L))
                        .thenComparing(SalesUser::id));
    }
}
