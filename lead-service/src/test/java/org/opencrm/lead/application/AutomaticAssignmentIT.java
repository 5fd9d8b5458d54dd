package org.opencrm.lead.application;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencrm.lead.config.AssignmentProperties;
import org.opencrm.lead.domain.assignment.AssignmentStrategyName;
import org.opencrm.lead.domain.assignment.Candidate;
import org.opencrm.platform.test.InterruptsInfrastructure;
import org.opencrm.platform.test.KeycloakTestConfiguration;
import org.opencrm.platform.test.KeycloakUsers;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.TestInfrastructure;
import org.opencrm.platform.users.KeycloakUserDirectory;
import org.opencrm.platform.users.UserDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opencrm.lead.api.Leads.as;
import static org.opencrm.lead.api.Leads.create;
import static org.opencrm.lead.api.Leads.customer;

/**
 * Automatic assignment against the real Keycloak: users with the sales role from its admin API, a disabled one
 * skipped, and Keycloak down during a creation.
 */
@ServiceIntegrationTest
@Import(KeycloakTestConfiguration.class)
@TestPropertySource(locations = "classpath:lead-scoring-test.properties")
class AutomaticAssignmentIT {

    private static final KeycloakAdmin ADMIN = new KeycloakAdmin(TestInfrastructure.keycloak());

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory directory;

    @Autowired
    SalesTeam team;

    @Autowired
    AutomaticAssignment assignment;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void roundRobinGivesEachEnabledSalesUserTheirTurnAndSkipsADisabledOne() throws Exception {
        String disabled = newSalesUser("rr-off");
        newSalesUser("rr-on");
        ADMIN.disable(disabled);
        forgetTheDirectorysList();
        List<String> enabled = ADMIN.enabledSalesUsers();
        UUID customerId = customer(jdbc, "Round Robin Ltd");

        Map<String, Integer> leadsPerUser = new HashMap<>();
        for (int i = 0; i < 2 * enabled.size(); i++) {
            JsonNode lead = create(mvc, json, as("manager"), customerId, "Lead " + i, "100", "EUR", null);
            leadsPerUser.merge(lead.get("assignedTo").asString(), 1, Integer::sum);
        }

        assertThat(leadsPerUser.keySet()).containsExactlyInAnyOrderElementsOf(enabled).doesNotContain(disabled);
        assertThat(leadsPerUser.values()).containsOnly(2);
        assertThat(jdbc.sql("select count(*) from lead_assignment where lead_id in (select id from lead where"
                + " customer_id = ?) and strategy = 'round-robin'").param(customerId).query(Long.class).single())
                .isEqualTo(2L * enabled.size());
    }

    @Test
    void fewestOpenPrefersTheLeastBusyEnabledUserAndSkipsADisabledOne() {
        String idle = newSalesUser("fo-idle");
        ADMIN.disable(idle);
        String quiet = newSalesUser("fo-quiet");
        forgetTheDirectorysList();
        AutomaticAssignment fewestOpen = new AutomaticAssignment(team, new AssignmentProperties(
                AssignmentStrategyName.FEWEST_OPEN, Duration.ofSeconds(1), 10), jdbc);
        // everyone enabled but "quiet" has an open lead; the disabled "idle" has none and must still be passed over
        UUID customerId = customer(jdbc, "Fewest Open Ltd");
        for (String user : ADMIN.enabledSalesUsers()) {
            if (!user.equals(quiet)) {
                openLeadFor(customerId, user);
            }
        }

        Optional<Candidate> first = transaction.execute(status -> fewestOpen.choose());
        assertThat(first).map(Candidate::id).contains(quiet);

        openLeadFor(customerId, quiet);
        openLeadFor(customerId, quiet);
        Optional<Candidate> next = transaction.execute(status -> fewestOpen.choose());
        assertThat(next).map(Candidate::id).isPresent().get().isNotIn(quiet, idle);
    }

    @Test
    @InterruptsInfrastructure
    void aLeadCreatedWhileKeycloakIsDownIsAssignedOnceItAnswers() throws Exception {
        UUID customerId = customer(jdbc, "Outage Ltd");
        TestInfrastructure.interruptKeycloak();
        // after the stop: the waiting-leads job reads the directory every second and would fill the cache again
        forgetTheDirectorysList();
        String id;
        try {
            JsonNode lead = create(mvc, json, as("manager"), customerId, "During the outage", "100", "EUR", null);
            assertThat(lead.get("assignedTo").isNull()).isTrue();
            id = lead.get("id").asString();
            // a sales user's own lead needs no directory: their token says who they are
            JsonNode own = create(mvc, json, as("sales"), customerId, "Own during the outage", "50", "EUR", null);
            assertThat(own.get("assignedTo").asString()).isEqualTo("user-sales");
        }
        finally {
            TestInfrastructure.resumeKeycloak();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.sql(
                "select assigned_to from lead where id = ?::uuid").param(id).query(String.class).optional())
                .get().isNotNull());
        List<String> enabled = ADMIN.enabledSalesUsers();
        String assignee = jdbc.sql("select assigned_to from lead where id = ?::uuid").param(id).query(String.class)
                .single();
        assertThat(enabled).contains(assignee);
        assertThat(jdbc.sql("select count(*) from outbox_event where aggregate_id = ? and type = 'lead.assigned'")
                .param(id).query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("select count(*) from lead_assignment where lead_id = ?::uuid").param(id)
                .query(Long.class).single()).isEqualTo(1L);
    }

    private String newSalesUser(String prefix) {
        return new KeycloakUsers(TestInfrastructure.keycloak()).create(prefix + "-" + UUID.randomUUID(), "pw-12345678",
                List.of("sales"));
    }

    private void openLeadFor(UUID customerId, String user) {
        jdbc.sql("""
                insert into lead (id, customer_id, title, source, value, currency, status, assigned_to, created_at,
                                  updated_at, version)
                values (?, ?, 'Open', 'WEB', 1, 'EUR', 'NEW', ?, now(), now(), 0)
                """).params(UUID.randomUUID(), customerId, user).update();
    }

    /** Keycloak is read again at the next call, not after the cache's second. */
    private void forgetTheDirectorysList() {
        ((KeycloakUserDirectory) directory).forget();
    }
}
