package org.opencrm.payment.events.in;

import java.util.UUID;

import org.opencrm.payment.domain.KnownCustomers;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.platform.inbox.UnprocessableEventException;

/** Base of the customer event handlers: each keeps what its event type says about the customer. */
abstract class CustomerFactHandler implements InboundEventHandler<CustomerFact> {

    private final KnownCustomers customers;

    CustomerFactHandler(KnownCustomers customers) {
        this.customers = customers;
    }

    @Override
    public Class<CustomerFact> payloadType() {
        return CustomerFact.class;
    }

    @Override
    public void handle(EventEnvelope envelope, CustomerFact customer) {
        if (customer.customer() == null) {
            throw new UnprocessableEventException(envelope.type() + " without the customer's id");
        }
        know(customers, envelope, customer.customer(), customer);
    }

    abstract void know(KnownCustomers customers, EventEnvelope envelope, UUID id, CustomerFact customer);
}
