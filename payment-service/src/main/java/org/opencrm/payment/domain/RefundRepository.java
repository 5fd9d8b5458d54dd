package org.opencrm.payment.domain;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RefundRepository extends JpaRepository<Refund, UUID> {
}
