package org.opencrm.lead.application;

import java.util.List;

import org.opencrm.lead.config.AssignmentProperties;
import org.opencrm.lead.domain.assignment.Candidate;
import org.opencrm.platform.users.UserDirectoryUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every {@code crm.leads.assignment.retry-interval}: once the directory answers, the waiting leads get assignees. */
@Component
public class WaitingLeadsJob {

    private static final Logger log = LoggerFactory.getLogger(WaitingLeadsJob.class);

    private final SalesTeam team;

    private final WaitingLeadsAssignment assignment;

    private final AssignmentProperties properties;

    public WaitingLeadsJob(SalesTeam team, WaitingLeadsAssignment assignment, AssignmentProperties properties) {
        this.team = team;
        this.assignment = assignment;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${crm.leads.assignment.retry-interval:15s}",
            initialDelayString = "${crm.leads.assignment.retry-interval:15s}")
    public void run() {
        List<Candidate> members;
        try {
            members = team.members();
        }
        catch (UserDirectoryUnavailableException ex) {
            log.debug("Waiting leads stay unassigned: {}", ex.getMessage());
            return;
        }
        try {
            int assigned;
            do {
                assigned = assignment.assign(members, properties.retryBatch());
                if (assigned > 0) {
                    log.info("Assigned {} leads that waited for the user directory", assigned);
                }
            }
            while (assigned == properties.retryBatch());
        }
        catch (DataAccessException ex) {
            log.warn("Waiting leads stay unassigned until the next run: {}", ex.getMessage());
        }
    }
}
