package org.opencrm.customer.application;

import org.opencrm.platform.security.CurrentActor;

/** Who is responsible for a customer: a user id and the name people know them by. */
record Owner(String id, String name) {

    /** The caller (a user, or a partner's client), or nobody outside a request. */
    static Owner caller() {
        return CurrentActor.jwt()
                .map(jwt -> new Owner(jwt.getSubject(), CurrentActor.nameOf(jwt).orElse(jwt.getSubject())))
                .orElse(new Owner(null, null));
    }
}
