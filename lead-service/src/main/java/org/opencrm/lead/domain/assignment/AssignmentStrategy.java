package org.opencrm.lead.domain.assignment;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Chooses who gets a new lead among the sales users; disabled users are never chosen. */
public interface AssignmentStrategy {

    Optional<Candidate> choose(List<Candidate> candidates, AssignmentFacts facts);

    /** The enabled users in a stable order (by id), so that every replica sees the same sequence. */
    static List<Candidate> eligible(List<Candidate> candidates) {
        return candidates.stream().filter(Candidate::enabled).sorted(Comparator.comparing(Candidate::id)).toList();
    }
}
