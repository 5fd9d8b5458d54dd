package org.opencrm.lead.domain;

/** Where a lead came from. */
public enum LeadSource {
    WEB, REFERRAL, EVENT, PARTNER, OUTBOUND, OTHER
}
