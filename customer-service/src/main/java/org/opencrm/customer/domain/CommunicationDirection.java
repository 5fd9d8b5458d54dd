package org.opencrm.customer.domain;

public enum CommunicationDirection {
    INBOUND, OUTBOUND
}
