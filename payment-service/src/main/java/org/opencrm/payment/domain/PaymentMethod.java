package org.opencrm.payment.domain;

public enum PaymentMethod {
    CARD, BANK_TRANSFER, CASH, OTHER
}
