package org.opencrm.customer.domain;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface NoteRepository extends JpaRepository<Note, UUID> {

    Optional<Note> findByIdAndCustomerId(UUID id, UUID customerId);
}
