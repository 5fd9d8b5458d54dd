package org.opencrm.lead.application;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opencrm.lead.config.AssignmentProperties;
import org.opencrm.lead.domain.assignment.AssignmentFacts;
import org.opencrm.lead.domain.assignment.AssignmentStrategy;
import org.opencrm.lead.domain.assignment.Candidate;
import org.opencrm.platform.users.UserDirectoryUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chooses who gets a lead created without an assignee, by the configured strategy among the enabled sales users.
 * Whose turn it is lives in the database ({@code lead_assignment_turn}, locked for the rest of the creating
 * transaction), so replicas and restarts share one sequence and two simultaneous leads never go by the same stale
 * count. The assignment itself is recorded ({@code lead_assignment}) by a trigger when the lead row is written.
 */
@Service
public class AutomaticAssignment {

    private static final Logger log = LoggerFactory.getLogger(AutomaticAssignment.class);

    private final SalesTeam team;

    private final AssignmentStrategy strategy;

    private final String strategyName;

    private final JdbcClient jdbc;

    private final AssignmentRecord record;

    public AutomaticAssignment(SalesTeam team, AssignmentProperties properties, JdbcClient jdbc) {
        this.team = team;
        this.strategy = properties.strategy().strategy();
        this.strategyName = properties.strategy().name().toLowerCase().replace('_', '-');
        this.jdbc = jdbc;
        this.record = new AssignmentRecord(jdbc);
    }

    /** The assignee of a new lead; empty when nobody can take it now (no enabled sales user, or Keycloak silent). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Candidate> choose() {
        List<Candidate> members;
        try {
            members = team.members();
        }
        catch (UserDirectoryUnavailableException ex) {
            log.warn("Lead left unassigned for now: {}", ex.getMessage());
            return Optional.empty();
        }
        return chooseAmong(members);
    }

    /** Like {@link #choose()} with a list already read. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Candidate> chooseAmong(List<Candidate> members) {
        if (AssignmentStrategy.eligible(members).isEmpty()) {
            return Optional.empty();
        }
        List<String> last = jdbc.sql("select last_assignee from lead_assignment_turn where id = 1 for update")
                .query((rs, row) -> rs.getString(1)).list();
        Optional<Candidate> chosen = strategy.choose(members, new DatabaseFacts(last.isEmpty() ? null : last.get(0)));
        chosen.ifPresent(user -> {
            jdbc.sql("update lead_assignment_turn set last_assignee = ? where id = 1").param(user.id()).update();
            record.byStrategy(strategyName);
        });
        return chosen;
    }

    private final class DatabaseFacts implements AssignmentFacts {

        private final String last;

        DatabaseFacts(String last) {
            this.last = last;
        }

        @Override
        public Optional<String> lastAssigned() {
            return Optional.ofNullable(last);
        }

        @Override
        public Map<String, Long> openLeads(Collection<String> userIds) {
            Map<String, Long> open = new HashMap<>();
            jdbc.sql("select assigned_to, count(*) from lead where status in ('NEW', 'IN_PROGRESS')"
                    + " and assigned_to = any(?) group by assigned_to")
                    .param(userIds.toArray(String[]::new))
                    .query(rs -> {
                        open.put(rs.getString(1), rs.getLong(2));
                    });
            return open;
        }
    }
}
