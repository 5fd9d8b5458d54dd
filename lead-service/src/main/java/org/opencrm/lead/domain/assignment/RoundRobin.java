package org.opencrm.lead.domain.assignment;

import java.util.List;
import java.util.Optional;

/**
 * The next enabled user after the previous one, in id order, wrapping around. Remembering the previous user (not an
 * index) keeps the turn fair when users join, leave or are disabled between two leads.
 */
public final class RoundRobin implements AssignmentStrategy {

    @Override
    public Optional<Candidate> choose(List<Candidate> candidates, AssignmentFacts facts) {
        List<Candidate> eligible = AssignmentStrategy.eligible(candidates);
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> previous = facts.lastAssigned();
        return Optional.of(previous
                .flatMap(last -> eligible.stream().filter(user -> user.id().compareTo(last) > 0).findFirst())
                .orElse(eligible.get(0)));
    }
}
