package org.opencrm.activity.events.in;

import java.util.UUID;

/** This service's view of any customer event payload: only the fields it reads. */
public record CustomerEvent(UUID id, String name) {
}
