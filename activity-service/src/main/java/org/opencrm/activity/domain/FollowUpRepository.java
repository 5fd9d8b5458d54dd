package org.opencrm.activity.domain;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FollowUpRepository extends JpaRepository<FollowUp, UUID> {
}
