package org.opencrm.activity.events.in;

import java.util.UUID;

/** This service's view of the customer.communication-logged payload: only the fields it reads. */
public record CommunicationEvent(UUID customerId, String type, String direction, String subject) {
}
