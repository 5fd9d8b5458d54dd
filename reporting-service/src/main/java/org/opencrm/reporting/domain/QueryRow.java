package org.opencrm.reporting.domain;

/**
 * One group of a widget's data: its key (null without groupBy), the key's label where it is an id people know by a
 * name (grouped by {@code owner}: the user's name, null while unknown), the currency of a money value, the value.
 */
public record QueryRow(String key, String label, String currency, Object value) {
}
