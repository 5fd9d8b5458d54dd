package org.opencrm.lead.domain;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface LeadRepository extends JpaRepository<Lead, UUID> {

    /**
     * The lead, if it exists for a caller limited to {@code owner}'s leads (the record-level rule's user; empty: not
     * limited): one assigned to them.
     */
    default Optional<Lead> findVisibleTo(UUID id, Optional<String> owner) {
        return findById(id).filter(lead -> owner.isEmpty() || lead.isAssignedTo(owner.get()));
    }
}
