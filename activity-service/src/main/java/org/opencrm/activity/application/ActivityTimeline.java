package org.opencrm.activity.application;

import org.opencrm.platform.inbox.ReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The timeline and the customers, leads and payments known here are built only from events (follow-ups' included: they come
 * back through crm.activity), so a replay of the topics rebuilds them from nothing. Follow-ups themselves and the
 * users seen are this service's own data and stay.
 */
@Component
class ActivityTimeline implements ReadModel {

    private final JdbcClient jdbc;

    ActivityTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void reset() {
        jdbc.sql("delete from activity").update();
        jdbc.sql("delete from known_lead").update();
        jdbc.sql("delete from known_customer").update();
        jdbc.sql("delete from known_payment").update();
    }
}
