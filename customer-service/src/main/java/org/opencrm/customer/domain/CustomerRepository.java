package org.opencrm.customer.domain;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CustomerRepository extends JpaRepository<Customer, UUID> {

    /** Whether a live customer (deleted ones aside) has this email, in any case. */
    @Query("select count(c) > 0 from Customer c where lower(c.email) = lower(:email) and c.deletedAt is null")
    boolean existsByEmail(String email);
}
