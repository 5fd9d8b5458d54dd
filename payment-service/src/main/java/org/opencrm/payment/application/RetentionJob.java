package org.opencrm.payment.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.opencrm.payment.config.PaymentProperties;
import org.opencrm.payment.domain.ProviderEventLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets payment and refund Idempotency-Keys after {@code crm.payments.idempotency-retention} (24 h; the platform's
 * own cleanup keeps other keys longer) and provider webhook ids once no valid signature can bring them back. Safe to
 * run on every instance at once.
 */
@Component
class RetentionJob {

    private final JdbcClient jdbc;
    private final ProviderEventLog eventLog;
    private final PaymentProperties properties;
    private final Clock clock;

    RetentionJob(JdbcClient jdbc, ProviderEventLog eventLog, PaymentProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.eventLog = eventLog;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${crm.payments.cleanup-interval:PT10M}", initialDelayString = "PT1M")
    void forgetExpired() {
        Instant now = clock.instant();
        jdbc.sql("delete from idempotency_key where scope in (:scopes) and created_at < :cutoff")
            .param("scopes", java.util.List.of(PaymentService.CREATE_SCOPE, PaymentService.REFUND_SCOPE))
            .param("cutoff", now.minus(properties.idempotencyRetention()).atOffset(ZoneOffset.UTC))
            .update();
        eventLog.forgetBefore(now.minus(properties.provider().replayWindow()));
    }
}
