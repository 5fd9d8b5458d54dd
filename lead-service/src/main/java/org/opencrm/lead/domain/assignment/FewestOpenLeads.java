package org.opencrm.lead.domain.assignment;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The enabled user with the fewest open leads; a tie goes to the lowest id, so replicas agree. */
public final class FewestOpenLeads implements AssignmentStrategy {

    @Override
    public Optional<Candidate> choose(List<Candidate> candidates, AssignmentFacts facts) {
        List<Candidate> eligible = AssignmentStrategy.eligible(candidates);
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> open = facts.openLeads(eligible.stream().map(Candidate::id).toList());
        return eligible.stream()
                .min(Comparator.comparingLong((Candidate user) -> open.getOrDefault(user.id(), 0L))
                        .thenComparing(Candidate::id));
    }
}
