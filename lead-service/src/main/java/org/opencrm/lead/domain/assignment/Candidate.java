package org.opencrm.lead.domain.assignment;

/**
 * A user holding the {@code sales} role, as the user directory knows them.
 *
 * @param id the Keycloak user id ({@code sub} of their tokens), what a lead's {@code assignedTo} holds
 * @param enabled false for a disabled account: never given a lead
 */
public record Candidate(String id, String username, String name, boolean enabled) {
}
