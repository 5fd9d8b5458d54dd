package org.opencrm.payment.domain;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The provider webhook ids already applied: a replayed delivery is recognised and changes nothing. */
@Repository
public class ProviderEventLog {

    private final JdbcClient jdbc;

    public ProviderEventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether this is the first time the id is seen (inside the applying transaction: a rollback forgets it). */
    public boolean firstTime(String webhookId, String type, Instant at) {
        return jdbc.sql("""
                insert into provider_event (webhook_id, type, received_at) values (:id, :type, :at)
                on conflict (webhook_id) do nothing""")
            .param("id", webhookId).param("type", type).param("at", at.atOffset(ZoneOffset.UTC))
            .update() == 1;
    }

    public int forgetBefore(Instant cutoff) {
        return jdbc.sql("delete from provider_event where received_at < :cutoff")
            .param("cutoff", cutoff.atOffset(ZoneOffset.UTC)).update();
    }
}
