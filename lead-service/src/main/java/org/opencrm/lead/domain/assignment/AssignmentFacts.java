package org.opencrm.lead.domain.assignment;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** What a strategy may ask about past assignments; read lazily, each strategy needs only one of them. */
public interface AssignmentFacts {

    /** The user who got the previous automatically assigned lead. */
    Optional<String> lastAssigned();

    /** Open (NEW or IN_PROGRESS) leads per user id; users without any are absent. */
    Map<String, Long> openLeads(Collection<String> userIds);
}
