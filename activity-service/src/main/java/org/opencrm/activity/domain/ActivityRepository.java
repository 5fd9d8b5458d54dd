package org.opencrm.activity.domain;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Writes timeline entries; they are read through {@link TimelineSearch}. */
public interface ActivityRepository extends JpaRepository<Activity, UUID> {
}
