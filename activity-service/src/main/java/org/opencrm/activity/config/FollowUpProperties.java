package org.opencrm.activity.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code crm.follow-ups}: the due job. */
@ConfigurationProperties("crm.follow-ups")
public record FollowUpProperties(@DefaultValue Due due) {

    /**
     * @param enabled whether this instance takes part in announcing due follow-ups
     * @param interval how often the job looks (a follow-up is announced at most this long after its due time)
     * @param batchSize follow-ups announced per transaction
     */
    public record Due(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration interval,
            @DefaultValue("200") int batchSize) {
    }
}
