package org.opencrm.lead.domain.scoring;

/** One rule's contribution to a score, with the reason a person reads. */
public record Factor(String name, int points, String reason) {
}
