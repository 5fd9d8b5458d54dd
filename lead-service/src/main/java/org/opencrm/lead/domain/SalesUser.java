package org.opencrm.lead.domain;

/** A user who may be assigned leads: an active user with the sales role. */
public record SalesUser(String id, String username, String name) {
}
