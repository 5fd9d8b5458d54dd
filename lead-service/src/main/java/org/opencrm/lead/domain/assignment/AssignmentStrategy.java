package org.opencrm.lead.domain.assignment;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Chooses who gets a new lead among the sales users; disabled users are never chosen. */
public interface AssignmentStrategy {

    Optional<SalesUser> choose(List<SalesUser> salesUsers, AssignmentFacts facts);

    /** The enabled users in a stable order (by id), so that every replica sees the same sequence. */
    static List<SalesUser> eligible(List<SalesUser> salesUsers) {
        return salesUsers.stream().filter(SalesUser::enabled).sorted(Comparator.comparing(SalesUser::id)).toList();
    }
}
