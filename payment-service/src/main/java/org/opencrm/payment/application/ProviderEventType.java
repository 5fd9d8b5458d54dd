package org.opencrm.payment.application;

import java.util.Arrays;
import java.util.Optional;

/** What a payment provider's webhook may tell about a payment. */
public enum ProviderEventType {

    SUCCEEDED("payment.succeeded"), FAILED("payment.failed"), REFUNDED("payment.refunded");

    private final String wireName;

    ProviderEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ProviderEventType> of(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
    }
}
