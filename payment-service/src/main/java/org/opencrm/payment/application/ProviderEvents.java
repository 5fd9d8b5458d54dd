package org.opencrm.payment.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;

import org.opencrm.payment.domain.InvalidPaymentException;
import org.opencrm.payment.domain.Money;
import org.opencrm.payment.domain.Payment;
import org.opencrm.payment.domain.PaymentRepository;
import org.opencrm.payment.domain.PaymentStatus;
import org.opencrm.payment.domain.ProviderEventLog;
import org.opencrm.payment.domain.StatusTransitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a payment provider's verified event to the payment its {@code externalRef} names: succeeded → COMPLETED,
 * failed → FAILED, refunded → a refund of the amount given (or of what remains). Each webhook id takes effect once;
 * an event for a payment already in the state it reports changes nothing. An event the payment cannot follow (a
 * success after a failure, a refund of more than remains) is ignored and logged, not refused: a provider retries a
 * refused event for days, and this one would never apply.
 */
@Service
public class ProviderEvents {

    private static final Logger log = LoggerFactory.getLogger(ProviderEvents.class);

    /** What became of an event. */
    public enum Outcome {
        APPLIED, REPLAYED, UNKNOWN_PAYMENT, IGNORED
    }

    private final PaymentRepository payments;
    private final PaymentService paymentService;
    private final ProviderEventLog eventLog;
    private final Clock clock;

    public ProviderEvents(PaymentRepository payments, PaymentService paymentService, ProviderEventLog eventLog,
            Clock clock) {
        this.payments = payments;
        this.paymentService = paymentService;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    @Transactional
    public Outcome apply(String webhookId, ProviderEventType type, String externalRef, BigDecimal amount,
            String currency) {
        Optional<Payment> found = payments.findByExternalRefForUpdate(externalRef);
        if (found.isEmpty()) {
            // not remembered: once the payment is recorded, the provider's next delivery applies
            log.warn("Provider event {} ({}) names no known payment: externalRef {}", webhookId, type.wireName(),
                    externalRef);
            return Outcome.UNKNOWN_PAYMENT;
        }
        if (!eventLog.firstTime(webhookId, type.wireName(), clock.instant())) {
            return Outcome.REPLAYED;
        }
        Payment payment = found.get();
        try {
            switch (type) {
                case SUCCEEDED -> moveTo(payment, PaymentStatus.COMPLETED);
                case FAILED -> moveTo(payment, PaymentStatus.FAILED);
                case REFUNDED -> refund(payment, amount, currency, webhookId);
            }
        }
        catch (StatusTransitionException | InvalidPaymentException ex) {
            // both are thrown before the payment changes: the webhook id stays recorded, the payment as it was
            log.warn("Provider event {} ({}) ignored for payment {} ({}): {}", webhookId, type.wireName(),
                    payment.getId(), payment.getStatus(), ex.getMessage());
            return Outcome.IGNORED;
        }
        return Outcome.APPLIED;
    }

    private void moveTo(Payment payment, PaymentStatus next) {
        if (payment.getStatus() == next) {
            return;
        }
        paymentService.settle(payment, next);
    }

    private void refund(Payment payment, BigDecimal amount, String currency, String webhookId) {
        if (currency != null && !currency.equals(payment.getCurrency())) {
            throw new InvalidPaymentException("currency", "the refund's currency must be the payment's, "
                    + payment.getCurrency());
        }
        if (amount == null && payment.getStatus() == PaymentStatus.REFUNDED) {
            return;
        }
        Money money = amount == null ? new Money(payment.remaining(), payment.money().currency())
                : Money.of(amount, payment.getCurrency(), "amount");
        paymentService.refund(payment, money, "Provider event " + webhookId);
    }
}
