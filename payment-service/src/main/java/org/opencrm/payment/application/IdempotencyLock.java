package org.opencrm.payment.application;

import org.opencrm.platform.security.CurrentActor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Serialises the requests that carry the same Idempotency-Key (per scope and actor) until the first one's transaction
 * ends: the second then finds the first one's key and gets its answer, status included, instead of the platform's
 * "being processed" conflict. A transaction-level advisory lock, so a crashed request never leaves it held.
 */
@Component
class IdempotencyLock {

    private final JdbcClient jdbc;

    IdempotencyLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void lock(String scope, String key) {
        if (key == null || key.isBlank()) {
            return;
        }
        String actor = CurrentActor.id().orElse("anonymous");
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:name, 0))")
            .param("name", scope + "|" + actor.length() + "|" + actor + "|" + key)
            .query((rs, n) -> 1)
            .single();
    }
}
