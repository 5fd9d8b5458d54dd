package org.opencrm.customer.domain;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CustomerRepository extends JpaRepository<Customer, UUID> {

    /**
     * Whether a live customer (deleted ones aside) has this email, in any case: a probe of the unique index on
     * {@code lower(email)}. Native, because every create asks it, and Hibernate translated the same JPQL to SQL anew
     * on each call (7 % of customer-service's CPU per create in a profile).
     */
    @Query(value = "select exists (select 1 from customer where lower(email) = lower(:email) and deleted_at is null)",
            nativeQuery = true)
    boolean existsByEmail(String email);
}
