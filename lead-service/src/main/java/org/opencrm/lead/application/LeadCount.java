package org.opencrm.lead.application;

/** How many leads a list's filters select, of those the caller may see. */
public record LeadCount(long count) {
}
