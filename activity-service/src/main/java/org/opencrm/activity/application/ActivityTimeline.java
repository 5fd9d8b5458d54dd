package org.opencrm.activity.application;

import org.opencrm.platform.inbox.ReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The timeline is built only from customer and lead events, so a replay of the topics rebuilds it from nothing. */
@Component
class ActivityTimeline implements ReadModel {

    private final JdbcClient jdbc;

    ActivityTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void reset() {
        jdbc.sql("delete from activity").update();
    }
}
