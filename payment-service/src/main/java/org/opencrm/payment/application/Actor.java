package org.opencrm.payment.application;

import org.opencrm.platform.outbox.OutboxWriter;
import org.opencrm.platform.security.CurrentActor;

/** Who records a payment or refund: the token's subject and how people know them, else the system. */
record Actor(String id, String name) {

    static Actor current() {
        return CurrentActor.jwt()
            .map(jwt -> new Actor(jwt.getSubject(), CurrentActor.nameOf(jwt).orElse(jwt.getSubject())))
            .orElse(new Actor(OutboxWriter.SYSTEM_ACTOR, OutboxWriter.SYSTEM_ACTOR));
    }
}
