package org.opencrm.activity.domain;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Writes timeline entries; they are read through {@link TimelineSearch}. */
public interface ActivityRepository extends JpaRepository<Activity, UUID> {

    /** One statement however long the timeline: a derived delete would load and remove the entries one by one. */
    @Modifying
    @Query("delete from Activity a where a.customerId = :customerId")
    int deleteByCustomer(@Param("customerId") UUID customerId);
}
