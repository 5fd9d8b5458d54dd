package org.opencrm.reporting.domain;

/** One group of a widget's data: its key (null without groupBy), the currency of a money value, the value. */
public record QueryRow(String key, String currency, Object value) {
}
