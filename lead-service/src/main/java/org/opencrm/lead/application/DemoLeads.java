package org.opencrm.lead.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.opencrm.lead.domain.LeadRow;
import org.opencrm.lead.domain.LeadSource;
import org.opencrm.lead.domain.LeadStatus;
import org.opencrm.lead.domain.SalesUser;
import org.opencrm.lead.domain.SalesUserDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills an empty pipeline with demo leads across the known customers, in every status and given to the sales users in
 * turn, through the ordinary use cases: their events reach the activity timeline as if people had entered them. None
 * is left to the automatic assignment, which would give some to every sales account (the bench's too).
 */
@Service
public class DemoLeads {

    private static final long SEED = 20261201L;

    private static final String[] TITLES = { "Renewal", "Upgrade to Premium", "New office rollout", "Support contract",
            "Pilot project", "Training package", "Expansion", "Annual licence" };

    private static final String[] CURRENCIES = { "EUR", "EUR", "EUR", "USD", "GBP", "JPY" };

    private static final String[] LOST_REASONS = { "Chose a competitor", "No budget this year", "Price too high" };

    private final LeadService leads;
    private final SalesUserDirectory salesUsers;
    private final JdbcClient jdbc;

    public DemoLeads(LeadService leads, SalesUserDirectory salesUsers, JdbcClient jdbc) {
        this.leads = leads;
        this.salesUsers = salesUsers;
        this.jdbc = jdbc;
    }

    /** How many customers this service knows: the demo waits until their events stop arriving. */
    public long knownCustomers() {
        return jdbc.sql("select count(*) from customer where not deleted").query(Long.class).single();
    }

    /**
     * Creates up to {@code count} leads when there are none yet, assigned across the active sales users among
     * {@code assignees} (usernames; none: every active sales user); returns how many it created. Several instances
     * starting together load them once: they queue on a lock.
     */
    @Transactional
    public int loadIfEmpty(int count, List<String> assignees) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('crm.demo-leads'))").query().singleRow();
        // exists, not count: counting a million leads outlasts the statement timeout
        if (count <= 0 || jdbc.sql("select exists (select 1 from lead)").query(Boolean.class).single()) {
            return 0;
        }
        List<UUID> customers = jdbc.sql("select id from customer where not deleted order by name, id limit :limit")
            .param("limit", count).query(UUID.class).list();
        if (customers.isEmpty()) {
            return 0;
        }
        List<SalesUser> users = among(salesUsers.activeSalesUsers(), assignees);
        List<Planned> plan = plan(count, users);
        for (int i = 0; i < plan.size(); i++) {
            Planned planned = plan.get(i);
            LeadRow lead = leads.create(new NewLead(customers.get(i % customers.size()), planned.title(),
                    planned.source(), planned.value(), planned.currency(), planned.assignee()), null).lead();
            moveAlong(lead.id(), planned.status(), i);
        }
        return plan.size();
    }

    /** A demo lead to create: its assignee null when there is no sales user to give it to. */
    record Planned(String title, LeadSource source, BigDecimal value, String currency, String assignee,
            LeadStatus status) {
    }

    /**
     * The demo pipeline: leads given to the sales users in turn, each user's at every stage in a mix drawn apart from
     * the turn (about 30 % new, 25 % in progress, 25 % won, 20 % lost), so no two people's figures look alike.
     */
    static List<Planned> plan(int count, List<SalesUser> users) {
        Random random = new Random(SEED);
        List<Planned> plan = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
            BigDecimal value = BigDecimal.valueOf(500 + random.nextInt(200) * 250L);
            int stage = random.nextInt(100);
            LeadStatus status = stage < 30 ? LeadStatus.NEW
                    : stage < 55 ? LeadStatus.IN_PROGRESS : stage < 80 ? LeadStatus.CLOSED_WON : LeadStatus.CLOSED_LOST;
            String assignee = users.isEmpty() ? null : users.get(i % users.size()).id();
            plan.add(new Planned(TITLES[i % TITLES.length] + " " + (2026 + i % 3),
                    LeadSource.values()[i % LeadSource.values().length], value, currency, assignee, status));
        }
        return plan;
    }

    /** The users named (all when none is), so that other accounts of the sales team (the bench's) get no demo leads. */
    static List<SalesUser> among(List<SalesUser> users, List<String> usernames) {
        return usernames.isEmpty() ? users
                : users.stream().filter(user -> usernames.contains(user.username())).toList();
    }

    private void moveAlong(UUID id, LeadStatus target, int i) {
        switch (target) {
            case NEW -> {
            }
            case IN_PROGRESS -> leads.changeStatus(id, LeadStatus.IN_PROGRESS, null);
            case CLOSED_WON -> {
                leads.changeStatus(id, LeadStatus.IN_PROGRESS, null);
                leads.changeStatus(id, LeadStatus.CLOSED_WON, null);
            }
            case CLOSED_LOST -> leads.changeStatus(id, LeadStatus.CLOSED_LOST, LOST_REASONS[i % LOST_REASONS.length]);
        }
    }
}
