package org.opencrm.customer.api;

import java.time.Instant;
import java.util.UUID;

import org.opencrm.customer.domain.DeletedCustomerRow;

/** A deleted customer: who deleted it when, and when it is purged (until then it can be restored). */
public record DeletedCustomerResponse(UUID id, String name, String email, String company, String ownerName,
        Instant deletedAt, String deletedBy, String deletedByName, Instant purgeAt) {

    static DeletedCustomerResponse of(DeletedCustomerRow row, Instant purgeAt) {
        return new DeletedCustomerResponse(row.customer().id(), row.customer().name(), row.customer().email(),
                row.customer().company(), row.customer().ownerName(), row.deletedAt(), row.deletedBy(),
                row.deletedByName(), purgeAt);
    }
}
