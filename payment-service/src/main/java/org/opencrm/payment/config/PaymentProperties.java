package org.opencrm.payment.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param idempotencyRetention how long the Idempotency-Key of a payment or refund is remembered
 * @param provider the payment provider's webhooks
 * @param demoPayments how many demo payments to record across the known customers when there are none (0: none)
 */
@ConfigurationProperties("crm.payments")
public record PaymentProperties(@DefaultValue("24h") Duration idempotencyRetention, @DefaultValue Provider provider,
        @DefaultValue("0") int demoPayments) {

    /**
     * @param secret the Standard Webhooks secret shared with the provider ({@code whsec_<base64>}); empty: every event
     *        is refused
     * @param tolerance how far a signed event's timestamp may be from now
     * @param replayWindow how long applied webhook ids are remembered (well beyond the tolerance)
     */
    public record Provider(@DefaultValue("") String secret, @DefaultValue("5m") Duration tolerance,
            @DefaultValue("7d") Duration replayWindow) {
    }
}
