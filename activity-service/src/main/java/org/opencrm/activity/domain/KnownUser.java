package org.opencrm.activity.domain;

/** Someone a follow-up may be assigned to: a user id (the token's subject) and how people know them. */
public record KnownUser(String id, String name) {
}
