package org.opencrm.customer.domain;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CustomerRepository extends JpaRepository<Customer, UUID> {

    @Query("select count(c) > 0 from Customer c where lower(c.email) = lower(:email)")
    boolean existsByEmail(String email);
}
