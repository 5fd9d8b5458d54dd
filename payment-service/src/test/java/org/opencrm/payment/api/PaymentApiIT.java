package org.opencrm.payment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.payment.support.Fixtures.as;
import static org.opencrm.payment.support.Fixtures.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencrm.payment.support.Fixtures;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Recording, settling, refunding and reading payments over the API, on real PostgreSQL and Kafka. */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:payment-test.properties")
class PaymentApiIT {

    static final RequestPostProcessor MANAGER = as("user-manager", "manager");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    Fixtures fixtures;

    UUID customer;

    @BeforeEach
    void knownCustomer() {
        fixtures = new Fixtures(jdbc);
        customer = fixtures.customer("Ada Ltd", "user-sales");
    }

    @Test
    void recordsAPaymentWithItsAmountAsAStringAtTheCurrencysScale() throws Exception {
        UUID lead = fixtures.lead(customer, "Renewal", "user-sales");
        record(MANAGER, """
                {"customerId":"%s","leadId":"%s","amount":12.5,"currency":"EUR","method":"CARD","externalRef":"%s"}"""
            .formatted(customer, lead, unique("ref")))
            .andExpect(status().isCreated())
            .andExpect(header().string("Idempotent-Replayed", "false"))
            .andExpect(jsonPath("$.amount").value("12.50"))
            .andExpect(jsonPath("$.refundedAmount").value("0.00"))
            .andExpect(jsonPath("$.status").value("COMPLETED"))
            .andExpect(jsonPath("$.customerName").value("Ada Ltd"))
            .andExpect(jsonPath("$.leadTitle").value("Renewal"))
            .andExpect(jsonPath("$.createdBy").value("user-manager"))
            .andExpect(jsonPath("$.createdByName").value("Name of user-manager"))
            .andExpect(jsonPath("$.paidAt").isNotEmpty())
            .andExpect(jsonPath("$.version").value(0));
        record(MANAGER, body("1200", "JPY")).andExpect(status().isCreated()).andExpect(jsonPath("$.amount").value("1200"));
        record(MANAGER, body("1.25", "KWD")).andExpect(status().isCreated()).andExpect(jsonPath("$.amount").value("1.250"));
    }

    @Test
    void refusesMoreFractionDigitsThanTheCurrencyHasWith422NamingAmount() throws Exception {
        for (String[] refused : new String[][] { { "12.345", "EUR" }, { "12.5", "JPY" }, { "1.2345", "KWD" } }) {
            record(MANAGER, body(refused[0], refused[1]))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        }
        record(MANAGER, body("0", "EUR")).andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("amount"));
        record(MANAGER, body("1", "XYZ")).andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("currency"));
        assertThat(fixtures.count("payment", "customer_id", customer)).isZero();
    }

    @Test
    void takesTheDateTheMoneyCameButNoneInTheFutureNorForAPendingPayment() throws Exception {
        record(MANAGER, paid(customer, "8.00", "EUR", "BANK_TRANSFER", "2026-11-03T11:00:00Z"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.paidAt").value("2026-11-03T11:00:00Z"));
        String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        record(MANAGER, paid(customer, "9.00", "EUR", "BANK_TRANSFER", tomorrow))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("paidAt"));
        record(MANAGER, """
                {"customerId":"%s","amount":"9.00","currency":"EUR","method":"CASH","status":"PENDING",
                 "paidAt":"2026-11-03T11:00:00Z"}""".formatted(customer))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("paidAt"));
        assertThat(fixtures.count("payment", "customer_id", customer)).isEqualTo(1);
    }

    @Test
    void refusesAnUnknownOrDeletedCustomerAndALeadOfAnotherCustomerWith422() throws Exception {
        record(MANAGER, """
                {"customerId":"%s","amount":"1.00","currency":"EUR","method":"CASH"}""".formatted(UUID.randomUUID()))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("customerId"));
        UUID other = fixtures.customer("Other", "user-sales");
        UUID othersLead = fixtures.lead(other, "Theirs", "user-sales");
        record(MANAGER, """
                {"customerId":"%s","leadId":"%s","amount":"1.00","currency":"EUR","method":"CASH"}"""
            .formatted(customer, othersLead))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("leadId"));
        record(MANAGER, """
                {"customerId":"%s","leadId":"%s","amount":"1.00","currency":"EUR","method":"CASH"}"""
            .formatted(customer, UUID.randomUUID()))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("leadId"));
        fixtures.deleteCustomer(other);
        record(MANAGER, """
                {"customerId":"%s","amount":"1.00","currency":"EUR","method":"CASH"}""".formatted(other))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("customerId"));
    }

    @Test
    void settlesAPendingPaymentOnceAndRefusesOtherMovesWith409() throws Exception {
        JsonNode pending = read(record(MANAGER, """
                {"customerId":"%s","amount":"30.00","currency":"EUR","method":"BANK_TRANSFER","status":"PENDING"}"""
            .formatted(customer)).andExpect(status().isCreated()).andExpect(jsonPath("$.paidAt").doesNotExist()));
        String id = pending.get("id").asString();
        // no refund of money not received
        refund(MANAGER, id, "1.00", null).andExpect(status().isConflict());
        changeStatus(id, "COMPLETED", 0).andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("COMPLETED"))
            .andExpect(jsonPath("$.paidAt").isNotEmpty())
            .andExpect(jsonPath("$.version").value(1));
        changeStatus(id, "FAILED", 1).andExpect(status().isConflict())
            .andExpect(jsonPath("$.allowed[0]").exists());
        changeStatus(id, "PENDING", 1).andExpect(status().isConflict());
        changeStatus(id, "COMPLETED", 0).andExpect(status().isConflict());
    }

    @Test
    void refundsPartlyThenFullyButNeverMoreThanRemains() throws Exception {
        String id = read(record(MANAGER, body("10.00", "EUR")).andExpect(status().isCreated())).get("id").asString();
        refund(MANAGER, id, "4", "Broken part").andExpect(status().isCreated())
            .andExpect(jsonPath("$.refund.amount").value("4.00"))
            .andExpect(jsonPath("$.refund.reason").value("Broken part"))
            .andExpect(jsonPath("$.payment.status").value("PARTIALLY_REFUNDED"))
            .andExpect(jsonPath("$.payment.refundedAmount").value("4.00"));
        refund(MANAGER, id, "6.01", null).andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("amount"));
        refund(MANAGER, id, "0.001", null).andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("amount"));
        refund(MANAGER, id, "6.00", null).andExpect(status().isCreated())
            .andExpect(jsonPath("$.payment.status").value("REFUNDED"))
            .andExpect(jsonPath("$.payment.refundedAmount").value("10.00"));
        refund(MANAGER, id, "0.01", null).andExpect(status().isConflict());
        assertThat(fixtures.count("refund", "payment_id", UUID.fromString(id))).isEqualTo(2);

        mvc.perform(get("/api/v1/payments/{id}/history", id).with(MANAGER))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items[0].field").value("status"))
            .andExpect(jsonPath("$.items[0].newValue").value("REFUNDED"))
            .andExpect(jsonPath("$.items[1].field").value("refundedAmount"))
            .andExpect(jsonPath("$.items[1].newValue").value("10.00"))
            .andExpect(jsonPath("$.items[?(@.field == 'created')]").exists());
        // each refund with its reason, newest first
        mvc.perform(get("/api/v1/payments/{id}/refunds", id).with(as("user-support", "support")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.length()").value(2))
            .andExpect(jsonPath("$[0].amount").value("6.00"))
            .andExpect(jsonPath("$[0].reason").doesNotExist())
            .andExpect(jsonPath("$[1].amount").value("4.00"))
            .andExpect(jsonPath("$[1].reason").value("Broken part"));
    }

    @Test
    void totalsWhatACustomerPaidPerCurrency() throws Exception {
        record(MANAGER, body("10.00", "EUR")).andExpect(status().isCreated());
        String refunded = read(record(MANAGER, body("5.50", "EUR"))).get("id").asString();
        refund(MANAGER, refunded, "2.25", null).andExpect(status().isCreated());
        record(MANAGER, body("1200", "JPY")).andExpect(status().isCreated());
        record(MANAGER, """
                {"customerId":"%s","amount":"99.00","currency":"EUR","method":"CARD","status":"PENDING"}"""
            .formatted(customer)).andExpect(status().isCreated());

        mvc.perform(get("/api/v1/payments/totals").param("customerId", customer.toString()).with(MANAGER))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.totals.length()").value(2))
            .andExpect(jsonPath("$.totals[0].currency").value("EUR"))
            .andExpect(jsonPath("$.totals[0].paid").value("15.50"))
            .andExpect(jsonPath("$.totals[0].refunded").value("2.25"))
            .andExpect(jsonPath("$.totals[0].net").value("13.25"))
            .andExpect(jsonPath("$.totals[0].count").value(2))
            .andExpect(jsonPath("$.totals[1].currency").value("JPY"))
            .andExpect(jsonPath("$.totals[1].net").value("1200"));
    }

    @Test
    void totalsThePaymentsTheListsFiltersSelectOfThoseTheCallerMaySee() throws Exception {
        String seller = unique("user-seller");
        RequestPostProcessor sales = as(seller, "sales");
        UUID theirs = fixtures.customer("Theirs", seller);
        UUID alsoTheirs = fixtures.customer("Also theirs", seller);
        record(sales, paid(theirs, "10.00", "EUR", "CARD", "2024-03-01T10:00:00Z")).andExpect(status().isCreated());
        record(sales, paid(alsoTheirs, "4.00", "EUR", "CASH", "2024-03-02T10:00:00Z")).andExpect(status().isCreated());
        record(sales, paid(alsoTheirs, "7.00", "USD", "CASH", "2020-01-15T10:00:00Z")).andExpect(status().isCreated());
        record(MANAGER, body("500.00", "EUR")).andExpect(status().isCreated());

        mvc.perform(get("/api/v1/payments/totals").with(sales))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.totals.length()").value(2))
            .andExpect(jsonPath("$.totals[0].currency").value("EUR"))
            .andExpect(jsonPath("$.totals[0].paid").value("14.00"))
            .andExpect(jsonPath("$.totals[0].count").value(2))
            .andExpect(jsonPath("$.totals[1].paid").value("7.00"));
        mvc.perform(get("/api/v1/payments/totals").param("method", "CASH").param("from", "2021-01-01T00:00:00Z")
                .with(sales))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.totals.length()").value(1))
            .andExpect(jsonPath("$.totals[0].currency").value("EUR"))
            .andExpect(jsonPath("$.totals[0].paid").value("4.00"));
        mvc.perform(get("/api/v1/payments/totals").param("currency", "eur").with(sales))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.errors[0].field").value("currency"));
        for (String[] invalid : List.of(new String[] { "status", "SETTLED" }, new String[] { "customerId", "42" },
                new String[] { "from", "yesterday" })) {
            mvc.perform(get("/api/v1/payments").param(invalid[0], invalid[1]).with(sales))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(invalid[0]))
                .andExpect(jsonPath("$.errors[0].message").value("has a value of the wrong type or format"));
        }
    }

    @Test
    void listsNewestFirstPageByPageWithFilters() throws Exception {
        String first = read(record(MANAGER, body("1.00", "EUR"))).get("id").asString();
        String second = read(record(MANAGER, body("2.00", "EUR"))).get("id").asString();
        String third = read(record(MANAGER, body("3", "JPY"))).get("id").asString();

        JsonNode page = read(mvc.perform(get("/api/v1/payments").param("customerId", customer.toString())
                .param("size", "2").with(MANAGER)).andExpect(status().isOk()));
        assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(third);
        assertThat(page.get("items").get(1).get("id").asString()).isEqualTo(second);
        mvc.perform(get("/api/v1/payments").param("customerId", customer.toString()).param("size", "2")
                .param("cursor", page.get("nextCursor").asString()).with(MANAGER))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items.length()").value(1))
            .andExpect(jsonPath("$.items[0].id").value(first))
            .andExpect(jsonPath("$.nextCursor").doesNotExist());
        mvc.perform(get("/api/v1/payments").param("customerId", customer.toString()).param("currency", "JPY")
                .with(MANAGER))
            .andExpect(jsonPath("$.items.length()").value(1))
            .andExpect(jsonPath("$.items[0].id").value(third));
        mvc.perform(get("/api/v1/payments").param("customerId", customer.toString()).param("status", "PENDING")
                .with(MANAGER))
            .andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(get("/api/v1/payments").param("cursor", "not-a-cursor").with(MANAGER))
            .andExpect(status().isBadRequest());
    }

    @Test
    void filtersAndSortsByWhenTheMoneyCameNotWhenItWasRecorded() throws Exception {
        String pending = read(record(MANAGER, """
                {"customerId":"%s","amount":"5.00","currency":"EUR","method":"BANK_TRANSFER","status":"PENDING"}"""
            .formatted(customer))).get("id").asString();
        String backDated = read(record(MANAGER, """
                {"customerId":"%s","amount":"4.00","currency":"EUR","method":"CASH","paidAt":"2026-01-15T10:00:00Z"}"""
            .formatted(customer))).get("id").asString();

        // recorded last, paid long before: listed after the pending one, which dates from its recording
        JsonNode page = read(mvc.perform(get("/api/v1/payments").param("customerId", customer.toString())
                .param("size", "1").with(MANAGER)).andExpect(status().isOk()));
        assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(pending);
        mvc.perform(get("/api/v1/payments").param("customerId", customer.toString()).param("size", "1")
                .param("cursor", page.get("nextCursor").asString()).with(MANAGER))
            .andExpect(jsonPath("$.items[0].id").value(backDated));

        mvc.perform(get("/api/v1/payments").param("customerId", customer.toString())
                .param("from", "2026-01-01T00:00:00Z").param("to", "2026-02-01T00:00:00Z").with(MANAGER))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items.length()").value(1))
            .andExpect(jsonPath("$.items[0].id").value(backDated));
        // recorded today but paid in January: not among today's; the pending one dates from its recording
        mvc.perform(get("/api/v1/payments").param("customerId", customer.toString())
                .param("from", Instant.now().minus(Duration.ofHours(1)).toString()).with(MANAGER))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items.length()").value(1))
            .andExpect(jsonPath("$.items[0].id").value(pending));
        mvc.perform(get("/api/v1/payments").param("from", "+300000-01-01T00:00:00Z").with(MANAGER))
            .andExpect(status().isBadRequest());
    }

    @Test
    void showsASalesUserOnlyThePaymentsOfTheirCustomersAndLeads() throws Exception {
        UUID othersCustomer = fixtures.customer("Not theirs", "user-other");
        UUID theirLeadThere = fixtures.lead(othersCustomer, "Their lead", "user-sales");
        RequestPostProcessor sales = as("user-sales", "sales");
        String own = read(record(sales, body("1.00", "EUR")).andExpect(status().isCreated())).get("id").asString();
        String viaLead = read(record(sales, """
                {"customerId":"%s","leadId":"%s","amount":"2.00","currency":"EUR","method":"CASH"}"""
            .formatted(othersCustomer, theirLeadThere)).andExpect(status().isCreated())).get("id").asString();
        record(sales, """
                {"customerId":"%s","amount":"2.00","currency":"EUR","method":"CASH"}""".formatted(othersCustomer))
            .andExpect(status().isForbidden());
        String hidden = read(record(MANAGER, """
                {"customerId":"%s","amount":"3.00","currency":"EUR","method":"CASH"}""".formatted(othersCustomer)))
            .get("id").asString();

        mvc.perform(get("/api/v1/payments/{id}", own).with(sales)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/payments/{id}", viaLead).with(sales)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/payments/{id}", hidden).with(sales)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/payments/{id}/history", hidden).with(sales)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/payments/{id}/refunds", hidden).with(sales)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/payments/{id}/refunds", own).with(sales)).andExpect(status().isOk())
            .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/payments").param("customerId", othersCustomer.toString()).with(sales))
            .andExpect(jsonPath("$.items.length()").value(1))
            .andExpect(jsonPath("$.items[0].id").value(viaLead));
        mvc.perform(get("/api/v1/payments/totals").param("customerId", othersCustomer.toString()).with(sales))
            .andExpect(jsonPath("$.totals[0].paid").value("2.00"));
        mvc.perform(get("/api/v1/payments/{id}", hidden).with(as("user-support", "support")))
            .andExpect(status().isOk());
        record(as("user-support", "support"), body("1.00", "EUR")).andExpect(status().isForbidden());
        refund(sales, own, "1.00", null).andExpect(status().isForbidden());
    }

    ResultActions record(RequestPostProcessor caller, String body) throws Exception {
        return mvc.perform(post("/api/v1/payments").with(caller).contentType(MediaType.APPLICATION_JSON)
            .header("Idempotency-Key", UUID.randomUUID().toString()).content(body));
    }

    ResultActions refund(RequestPostProcessor caller, String id, String amount, String reason) throws Exception {
        return mvc.perform(post("/api/v1/payments/{id}/refunds", id).with(caller)
            .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", UUID.randomUUID().toString())
            .content(json.writeValueAsString(reason == null ? java.util.Map.of("amount", amount)
                    : java.util.Map.of("amount", amount, "reason", reason))));
    }

    ResultActions changeStatus(String id, String status, long version) throws Exception {
        return mvc.perform(post("/api/v1/payments/{id}/status", id).with(MANAGER)
            .contentType(MediaType.APPLICATION_JSON).content("""
                    {"status":"%s","version":%d}""".formatted(status, version)));
    }

    static String paid(UUID customerId, String amount, String currency, String method, String paidAt) {
        return """
                {"customerId":"%s","amount":"%s","currency":"%s","method":"%s","paidAt":"%s"}"""
            .formatted(customerId, amount, currency, method, paidAt);
    }

    String body(String amount, String currency) {
        return """
                {"customerId":"%s","amount":"%s","currency":"%s","method":"CARD"}""".formatted(customer, amount, currency);
    }

    JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
