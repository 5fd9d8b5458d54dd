package org.opencrm.lead.events.in;

import java.util.UUID;

/** This service's view of any customer event payload: only the fields it reads. */
public record CustomerFact(UUID id, String name) {
}
