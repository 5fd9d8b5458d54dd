package org.opencrm.lead.application;

import java.math.BigDecimal;
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
 * Fills an empty pipeline with demo leads across the known customers, in every status and assigned across the sales
 * users, through the ordinary use cases: their events reach the activity timeline as if people had entered them.
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
        List<SalesUser> users = among(salesUsers.activeSalesUsers(), assignees);
        Random random = new Random(SEED);
        int created = 0;
        for (int i = 0; i < count && !customers.isEmpty(); i++) {
            String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
            BigDecimal value = BigDecimal.valueOf(500 + random.nextInt(200) * 250L);
            // every ninth lead is left unassigned, for a manager to pick up
            String assignee = users.isEmpty() || i % 9 == 8 ? null : users.get(i % users.size()).id();
            LeadRow lead = leads.create(new NewLead(customers.get(i % customers.size()),
                    TITLES[i % TITLES.length] + " " + (2026 + i % 3),
                    LeadSource.values()[i % LeadSource.values().length], value, currency, assignee), null).lead();
            moveAlong(lead.id(), LeadStatus.values()[i % LeadStatus.values().length], i);
            created++;
        }
        return created;
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
