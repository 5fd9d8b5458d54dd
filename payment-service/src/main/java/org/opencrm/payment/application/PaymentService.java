package org.opencrm.payment.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opencrm.payment.domain.CurrencyTotal;
import org.opencrm.payment.domain.KnownCustomer;
import org.opencrm.payment.domain.KnownCustomers;
import org.opencrm.payment.domain.KnownLead;
import org.opencrm.payment.domain.KnownLeads;
import org.opencrm.payment.domain.Money;
import org.opencrm.payment.domain.Payment;
import org.opencrm.payment.domain.PaymentFilter;
import org.opencrm.payment.domain.PaymentRepository;
import org.opencrm.payment.domain.PaymentRow;
import org.opencrm.payment.domain.PaymentSearch;
import org.opencrm.payment.domain.PaymentStatus;
import org.opencrm.payment.domain.Refund;
import org.opencrm.payment.domain.RefundRepository;
import org.opencrm.payment.domain.UnknownReferenceException;
import org.opencrm.payment.events.out.PaymentRecorded;
import org.opencrm.payment.events.out.PaymentRefunded;
import org.opencrm.payment.events.out.PaymentStatusChanged;
import org.opencrm.platform.history.FieldHistory;
import org.opencrm.platform.idempotency.IdempotencyKeys;
import org.opencrm.platform.outbox.OutboxWriter;
import org.opencrm.platform.paging.PageCursor;
import org.opencrm.platform.security.RecordAccess;
import org.opencrm.platform.web.ResourceNotFoundException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment use cases: each change, its field history and its event commit together or not at all. Record-level
 * rule: a caller limited to their own records (sales) records and reads only the payments of customers they own or
 * of leads assigned to them; another's payment does not exist for them (404).
 */
@Service
public class PaymentService {

    public static final String AGGREGATE = "payment";

    static final String CREATE_SCOPE = "payment.create";

    static final String REFUND_SCOPE = "payment.refund";

    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final PaymentSearch search;
    private final KnownCustomers customers;
    private final KnownLeads leads;
    private final OutboxWriter outbox;
    private final FieldHistory history;
    private final IdempotencyKeys idempotencyKeys;
    private final RecordAccess records;
    private final Clock clock;

    public PaymentService(PaymentRepository payments, RefundRepository refunds, PaymentSearch search,
            KnownCustomers customers, KnownLeads leads, OutboxWriter outbox, FieldHistory history,
            IdempotencyKeys idempotencyKeys, RecordAccess records, Clock clock) {
        this.payments = payments;
        this.refunds = refunds;
        this.search = search;
        this.customers = customers;
        this.leads = leads;
        this.outbox = outbox;
        this.history = history;
        this.idempotencyKeys = idempotencyKeys;
        this.records = records;
        this.clock = clock;
    }

    /**
     * Records a payment once per {@code idempotencyKey} (optional): a repeat of the same request, even one arriving
     * while the first is still running, gets the payment the first one recorded.
     */
    @Transactional
    public RecordedPayment record(NewPayment request, String idempotencyKey) {
        IdempotencyKeys.Outcome outcome = idempotencyKeys.createOnce(CREATE_SCOPE, idempotencyKey,
                request.fingerprint(), () -> create(request).toString());
        return new RecordedPayment(row(UUID.fromString(outcome.resourceId())), outcome.replayed());
    }

    private UUID create(NewPayment request) {
        Money money = Money.of(request.amount(), request.currency(), "amount");
        KnownCustomer customer = customers.find(request.customerId()).filter(known -> !known.deleted())
            .orElseThrow(() -> new UnknownReferenceException("customerId", "No such customer."));
        Optional<KnownLead> lead = Optional.ofNullable(request.leadId()).map(this::leadOf);
        lead.filter(known -> !known.customerId().equals(customer.id())).ifPresent(known -> {
            throw new UnknownReferenceException("leadId", "The lead belongs to another customer.");
        });
        records.ownerOnly().ifPresent(caller -> {
            boolean theirs = caller.equals(customer.ownerId())
                    || lead.map(known -> caller.equals(known.assignee())).orElse(false);
            if (!theirs) {
                throw new AccessDeniedException(
                        "Only payments of customers you own or of leads assigned to you may be recorded.");
            }
        });
        Actor actor = Actor.current();
        PaymentStatus status = request.status() == null ? PaymentStatus.COMPLETED : request.status();
        Payment payment = payments.saveAndFlush(new Payment(customer.id(), request.leadId(), money, status,
                request.method(), blankToNull(request.externalRef()), request.paidAt(), actor.id(), actor.name(),
                clock.instant()));
        history.created(AGGREGATE, payment.getId());
        outbox.append(AGGREGATE, payment.getId(), PaymentRecorded.TYPE, new PaymentRecorded(payment.getId(),
                payment.getCustomerId(), payment.getLeadId(), money.plain(), payment.getCurrency(),
                payment.getStatus().name(), payment.getMethod().name(), payment.getExternalRef(),
                payment.getPaidAt(), payment.getCreatedAt()));
        return payment.getId();
    }

    private KnownLead leadOf(UUID leadId) {
        return leads.find(leadId).filter(known -> !known.deleted())
            .orElseThrow(() -> new UnknownReferenceException("leadId", "No such lead."));
    }

    /** PENDING to COMPLETED or FAILED; 409 for any other move and when {@code expectedVersion} is not current. */
    @Transactional
    public PaymentRow changeStatus(UUID id, PaymentStatus next, long expectedVersion) {
        requireVisible(id);
        Payment payment = payments.findForUpdate(id).orElseThrow(() -> notFound(id));
        if (payment.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Payment.class, id);
        }
        settle(payment, next);
        return row(id);
    }

    /** Moves the payment as a provider's event says; the caller has locked it. */
    void settle(Payment payment, PaymentStatus next) {
        PaymentSnapshot before = PaymentSnapshot.of(payment);
        payment.settle(next, clock.instant());
        payments.saveAndFlush(payment);
        history.changed(AGGREGATE, payment.getId(), before, PaymentSnapshot.of(payment));
        outbox.append(AGGREGATE, payment.getId(), PaymentStatusChanged.TYPE, new PaymentStatusChanged(
                payment.getId(), payment.getCustomerId(), payment.getLeadId(), before.status().name(),
                payment.getStatus().name(), payment.money().plain(), payment.getCurrency(), payment.getPaidAt(),
                payment.getUpdatedAt()));
    }

    /**
     * Refunds part or all of what remains, once per {@code idempotencyKey}: 409 when the status allows no refund,
     * 422 naming {@code amount} when it is more than what remains.
     */
    @Transactional
    public RecordedRefund refund(NewRefund request, String idempotencyKey) {
        requireVisible(request.paymentId());
        IdempotencyKeys.Outcome outcome = idempotencyKeys.createOnce(REFUND_SCOPE, idempotencyKey,
                request.fingerprint(), () -> {
                    Payment payment = payments.findForUpdate(request.paymentId())
                        .orElseThrow(() -> notFound(request.paymentId()));
                    Money money = Money.of(request.amount(), payment.getCurrency(), "amount");
                    return refund(payment, money, request.reason()).toString();
                });
        Refund refund = refunds.findById(UUID.fromString(outcome.resourceId())).orElseThrow();
        return new RecordedRefund(RefundRow.of(refund), row(refund.getPaymentId()), outcome.replayed());
    }

    /** Refunds {@code money} of a payment the caller has locked; the refund's id. */
    UUID refund(Payment payment, Money money, String reason) {
        PaymentSnapshot before = PaymentSnapshot.of(payment);
        payment.refund(money, clock.instant());
        payments.saveAndFlush(payment);
        Actor actor = Actor.current();
        Refund refund = refunds.save(new Refund(payment.getId(), money, reason, actor.id(), actor.name(),
                clock.instant()));
        history.changed(AGGREGATE, payment.getId(), before, PaymentSnapshot.of(payment));
        outbox.append(AGGREGATE, payment.getId(), PaymentRefunded.TYPE, new PaymentRefunded(payment.getId(),
                payment.getCustomerId(), payment.getLeadId(), refund.getId(), money.plain(),
                Money.plain(payment.getRefundedAmount(), payment.getCurrency()), payment.getCurrency(),
                payment.getStatus().name(), refund.getCreatedAt()));
        return refund.getId();
    }

    public PaymentRow get(UUID id) {
        return search.find(id, records.ownerOnly()).orElseThrow(() -> notFound(id));
    }

    /** The payment's refunds, newest first, each with its reason; 404 for a payment the caller cannot read. */
    @Transactional(readOnly = true)
    public PaymentRefunds refunds(UUID paymentId) {
        return new PaymentRefunds(get(paymentId),
                refunds.findByPaymentIdOrderByCreatedAtDescIdDesc(paymentId).stream().map(RefundRow::of).toList());
    }

    /** One row beyond {@code size}, newest first, only what the caller may see. */
    public List<PaymentRow> list(PaymentFilter filter, PageCursor after, int size) {
        return search.page(filter, records.ownerOnly(), after, size);
    }

    public List<CurrencyTotal> totals(PaymentFilter filter) {
        return search.totals(filter, records.ownerOnly());
    }

    private void requireVisible(UUID id) {
        get(id);
    }

    private PaymentRow row(UUID id) {
        return search.find(id, Optional.empty()).orElseThrow(() -> notFound(id));
    }

    private static ResourceNotFoundException notFound(UUID id) {
        return new ResourceNotFoundException("Payment", id);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
