package org.opencrm.lead.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.lead.api.Leads.SALES2;
import static org.opencrm.lead.api.Leads.as;
import static org.opencrm.lead.api.Leads.asUser;
import static org.opencrm.lead.api.Leads.create;
import static org.opencrm.lead.api.Leads.customer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencrm.lead.domain.BoardTotals;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The board's counts and sums kept by the database (totals plus deltas) equal those counted from the leads, through
 * creations, edits, moves, reassignments and deletions, before and after the deltas are folded and after a recount.
 */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:lead-test.properties")
class BoardTotalsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BoardTotals totals;

    @Test
    void keptCountsAndSumsFollowEveryChangeOfALead() throws Exception {
        String user = "board-" + UUID.randomUUID();
        RequestPostProcessor seller = asUser(user, "sales");
        UUID customerId = customer(jdbc, "Board Ltd");
        JsonNode first = create(mvc, json, seller, customerId, "First", "100", "EUR", null);
        JsonNode second = create(mvc, json, seller, customerId, "Second", "250.50", "EUR", null);
        JsonNode third = create(mvc, json, seller, customerId, "Third", "50", "USD", null);
        JsonNode fourth = create(mvc, json, seller, customerId, "Fourth", "7", "GBP", null);
        assertKeptEqualsCounted(user, seller);

        mvc.perform(put("/api/v1/leads/" + id(first) + "/status").with(seller).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"IN_PROGRESS\"}")).andExpect(status().isOk());
        mvc.perform(put("/api/v1/leads/" + id(second)).with(seller).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"title":"Second","source":"REFERRAL","value":"999.99","currency":"EUR","version":%d}"""
                        .formatted(second.get("version").asLong()))).andExpect(status().isOk());
        mvc.perform(put("/api/v1/leads/" + id(third) + "/assignee").with(as("manager"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"assignee\":\"%s\"}".formatted(SALES2)))
                .andExpect(status().isOk());
        mvc.perform(delete("/api/v1/leads/" + id(fourth)).with(as("admin"))).andExpect(status().isNoContent());
        assertKeptEqualsCounted(user, seller);
        assertThat(board(seller, null).get("IN_PROGRESS")).isEqualTo("1:EUR=100");

        // BoardTotalsJob may have folded them already
        totals.fold();
        assertKeptEqualsCounted(user, seller);

        jdbc.sql("select lead_board_recount()").query(Object.class).list();
        assertKeptEqualsCounted(user, seller);
    }

    @Test
    void countsWhatTheListSelectsOfTheLeadsTheCallerSees() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        RequestPostProcessor seller = asUser("count-" + run, "sales");
        UUID customerId = customer(jdbc, "Count Ltd " + run);
        JsonNode first = create(mvc, json, seller, customerId, "Renewal " + run, "100", "EUR", null);
        create(mvc, json, seller, customerId, "Upsell " + run, "200", "EUR", null);
        create(mvc, json, asUser("count-other-" + run, "sales"), customerId, "Renewal " + run, "300", "EUR", null);
        mvc.perform(put("/api/v1/leads/" + id(first) + "/status").with(seller).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"IN_PROGRESS\"}")).andExpect(status().isOk());

        // a sales user counts their own leads only, as they list them
        assertThat(count(seller, "customerId", customerId.toString())).isEqualTo(2);
        assertThat(count(seller, "assignee", "me")).isEqualTo(2);
        assertThat(count(seller, "assignee", "me", "status", "NEW")).isEqualTo(1);
        assertThat(count(as("manager"), "customerId", customerId.toString())).isEqualTo(3);
        assertThat(count(as("manager"), "customerId", customerId.toString(), "status", "IN_PROGRESS")).isEqualTo(1);
        assertThat(count(as("support"), "q", "renewal " + run)).isEqualTo(2);
        assertThat(count(as("support"), "q", "renewal " + run, "status", "NEW")).isEqualTo(1);
        mvc.perform(get("/api/v1/leads/count").param("q", "re").with(as("support")))
            .andExpect(status().isBadRequest());
    }

    private long count(RequestPostProcessor caller, String... params) throws Exception {
        var request = get("/api/v1/leads/count").with(caller);
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).get("count").asLong();
    }

    private void assertKeptEqualsCounted(String user, RequestPostProcessor seller) throws Exception {
        assertThat(board(seller, null)).isEqualTo(counted(user, null));
        assertThat(board(seller, "REFERRAL")).isEqualTo(counted(user, "REFERRAL"));
        assertThat(board(as("manager"), "WEB")).isEqualTo(counted(null, "WEB"));
        assertThat(board(as("manager"), null)).isEqualTo(counted(null, null));
    }

    /** Per status: "count:CUR=sum,…" as the board answers it. */
    private Map<String, String> board(RequestPostProcessor caller, String source) throws Exception {
        var request = get("/api/v1/leads/board").param("size", "1").with(caller);
        if (source != null) {
            request = request.param("source", source);
        }
        JsonNode board = json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        Map<String, String> columns = new TreeMap<>();
        for (JsonNode column : board.get("columns")) {
            StringBuilder cell = new StringBuilder().append(column.get("count").asLong()).append(':');
            for (JsonNode total : column.get("totals")) {
                cell.append(total.get("currency").asString()).append('=')
                        .append(plain(new BigDecimal(total.get("value").asString()))).append(',');
            }
            columns.put(column.get("status").asString(), strip(cell));
        }
        return columns;
    }

    /** The same, counted from the leads themselves. */
    private Map<String, String> counted(String assignee, String source) {
        Map<String, StringBuilder> cells = new TreeMap<>();
        for (String status : new String[] { "NEW", "IN_PROGRESS", "CLOSED_WON", "CLOSED_LOST" }) {
            cells.put(status, new StringBuilder());
        }
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("""
                select status, currency, count(*), sum(value) from lead
                where (cast(:assignee as varchar) is null or assigned_to = :assignee)
                  and (cast(:source as varchar) is null or source = :source)
                group by status, currency order by status, currency""")
                .param("assignee", assignee).param("source", source)
                .query(rs -> {
                    String status = rs.getString(1);
                    counts.merge(status, rs.getLong(3), Long::sum);
                    cells.get(status).append(rs.getString(2).strip()).append('=').append(plain(rs.getBigDecimal(4)))
                            .append(',');
                });
        Map<String, String> columns = new TreeMap<>();
        cells.forEach((status, cell) -> columns.put(status,
                strip(new StringBuilder().append(counts.getOrDefault(status, 0L)).append(':').append(cell))));
        return columns;
    }

    private static String strip(StringBuilder cell) {
        return cell.charAt(cell.length() - 1) == ',' ? cell.substring(0, cell.length() - 1) : cell.toString();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String id(JsonNode lead) {
        return lead.get("id").asString();
    }
}
