package org.opencrm.customer.application;

import org.opencrm.customer.domain.CommunicationRow;

/** @param replayed whether an earlier request with the same Idempotency-Key logged it */
public record LoggedCommunication(CommunicationRow communication, boolean replayed) {
}
