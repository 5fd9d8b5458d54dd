package org.opencrm.lead.domain;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface LeadNoteRepository extends JpaRepository<LeadNote, UUID> {

    Optional<LeadNote> findByIdAndLeadId(UUID id, UUID leadId);
}
