package org.opencrm.activity.application;

import java.util.UUID;

import org.opencrm.activity.domain.ActivityRepository;
import org.opencrm.activity.domain.FollowUpRepository;
import org.opencrm.activity.domain.KnownCustomers;
import org.opencrm.activity.domain.KnownLeads;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A purged customer (deleted, then not restored within the 30 days) is gone for good: its timeline, its follow-ups
 * and the titles of its leads go too, and whatever still arrives about it afterwards is not recorded. The follow-ups
 * go without events: nobody is to be reminded of a customer that no longer exists.
 */
@Service
public class CustomerErasure {

    private final KnownCustomers customers;
    private final ActivityRepository activities;
    private final FollowUpRepository followUps;
    private final KnownLeads leads;

    public CustomerErasure(KnownCustomers customers, ActivityRepository activities, FollowUpRepository followUps,
            KnownLeads leads) {
        this.customers = customers;
        this.activities = activities;
        this.followUps = followUps;
        this.leads = leads;
    }

    @Transactional
    public void erase(UUID customerId) {
        customers.purged(customerId);
        activities.deleteByCustomer(customerId);
        followUps.deleteByCustomer(customerId);
        leads.forgetCustomer(customerId);
    }
}
