package org.opencrm.customer.domain;

public enum CommunicationType {
    CALL, EMAIL, MEETING, MESSAGE
}
