package org.opencrm.activity.domain;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface FollowUpRepository extends JpaRepository<FollowUp, UUID> {

    @Modifying
    @Query("delete from FollowUp f where f.customerId = :customerId")
    int deleteByCustomer(@Param("customerId") UUID customerId);
}
