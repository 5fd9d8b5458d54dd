package org.opencrm.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opencrm.system.LocalStack.JSON;
import static org.opencrm.system.LocalStack.send;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/** Drives a business flow through the gateway of the whole local stack, with real tokens from Keycloak. */
@ExtendWith(LocalStackExtension.class)
class LocalStackSystemIT {

    @Test
    void rejectsRequestWithoutTokenWith401(LocalStack stack) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(stack.gateway("/api/v1/customers")).GET());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void listensOnLoopbackOnly(LocalStack stack) {
        List<ListeningSockets.Listener> listeners = ListeningSockets.ofPidFiles(stack.pidDirs());

        // every process of the stack: PostgreSQL, Kafka (broker and controller), Redis, Keycloak, the Spring JVMs
        List<String> ports = listeners.stream().map(listener -> String.valueOf(listener.address().getPort())).toList();
        assertThat(ports)
                .contains(stack.port("CRM_PG_PORT"), stack.port("CRM_KAFKA_PORT"), stack.port("CRM_KAFKA_CONTROLLER_PORT"),
                        stack.port("CRM_REDIS_PORT"), stack.port("CRM_KEYCLOAK_PORT"), stack.port("CRM_DISCOVERY_PORT"),
                        stack.port("CRM_CONFIG_PORT"), stack.port("CRM_GATEWAY_PORT"),
                        stack.port("CRM_GATEWAY_MANAGEMENT_PORT"));
        // each service of config-repo/services.yml on the port the stack gave it
        assertThat(ports).contains(stack.services().services().stream()
                .map(service -> stack.port(service.portVariable())).toArray(String[]::new));
        assertThat(listeners).allSatisfy(listener -> assertThat(listener.address().getAddress().isLoopbackAddress())
                .as("pid %d listens on %s", listener.pid(), listener.address()).isTrue());
    }

    @Test
    void refusesAnonymousRegistryAndConfigAndKeepsMetricsOffThePublicPort(LocalStack stack) throws Exception {
        String discovery = "http://127.0.0.1:" + stack.port("CRM_DISCOVERY_PORT");
        String config = "http://127.0.0.1:" + stack.port("CRM_CONFIG_PORT");
        String management = "http://127.0.0.1:" + stack.port("CRM_GATEWAY_MANAGEMENT_PORT");

        assertThat(send(HttpRequest.newBuilder(URI.create(discovery + "/eureka/apps")).GET()).statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(URI.create(config + "/customer-service/local")).GET()).statusCode())
                .isEqualTo(401);
        String admin = stack.passwordGrantToken("admin", "crm-demo");
        assertThat(send(HttpRequest.newBuilder(stack.gateway("/actuator/metrics"))
                .header("Authorization", "Bearer " + admin).GET()).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(URI.create(management + "/actuator/metrics")).GET()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void startsWithDemoCustomersAndTheirActivities(LocalStack stack) throws Exception {
        String token = stack.passwordGrantToken("manager", "crm-demo");

        int customers = 0;
        String cursor = "";
        do {
            HttpResponse<String> page = stack.get(token, "/api/v1/customers?size=100&cursor=" + cursor);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(page.body());
            customers += body.path("items").size();
            cursor = body.path("nextCursor").asString("");
        } while (!cursor.isEmpty());
        assertThat(customers).as("demo customers (CRM_DEMO_CUSTOMERS defaults to 300)").isGreaterThanOrEqualTo(300);

        HttpResponse<String> northwind = stack.get(token, "/api/v1/customers?q=northwind.example&size=5");
        String demoCustomerId = JSON.readTree(northwind.body()).path("items").path(0).path("id").asString();
        assertThat(demoCustomerId).as(northwind.body()).isNotBlank();
        await("the demo customer's timeline").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    HttpResponse<String> timeline = stack.get(token, "/api/v1/activities?customerId=" + demoCustomerId);
                    assertThat(StreamSupport.stream(JSON.readTree(timeline.body()).path("items").spliterator(), false)
                            .map(activity -> activity.path("action").asString()))
                            .contains("customer.created");
                });
    }

    @Test
    void startsWithAPipelineAndPaymentsOfTheDemoCustomersOnTheDashboard(LocalStack stack) throws Exception {
        String token = stack.passwordGrantToken("manager", "crm-demo");

        // lead- and payment-service load theirs once the demo customers' events stopped arriving
        await("the demo payments").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    List<JsonNode> payments = new ArrayList<>();
                    String cursor = "";
                    do {
                        HttpResponse<String> page = stack.get(token, "/api/v1/payments?size=100&cursor=" + cursor);
                        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
                        JsonNode body = JSON.readTree(page.body());
                        body.path("items").forEach(payments::add);
                        cursor = body.path("nextCursor").asString("");
                    } while (!cursor.isEmpty());
                    assertThat(payments).as("CRM_DEMO_PAYMENTS defaults to 80").hasSizeGreaterThanOrEqualTo(80)
                            .extracting(payment -> payment.path("status").asString())
                            .contains("COMPLETED", "PENDING", "PARTIALLY_REFUNDED");
                });
        await("the demo pipeline in the sales performance").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    HttpResponse<String> report = stack.get(token, "/api/v1/reports/sales-performance");
                    assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
                    List<JsonNode> rows = new ArrayList<>();
                    JSON.readTree(report.body()).path("rows").forEach(rows::add);
                    // each sales person with wins and losses of their own, and revenue from their customers
                    for (String seller : List.of("Sam Seller", "Sara Seller")) {
                        assertThat(rows).as(report.body()).anySatisfy(row -> {
                            assertThat(row.path("userName").asString()).isEqualTo(seller);
                            assertThat(row.path("won").asLong()).isPositive();
                            assertThat(row.path("lost").asLong()).isPositive();
                        });
                    }
                    assertThat(rows).as(report.body()).anySatisfy(row -> assertThat(row.path("revenue")).isNotEmpty());
                });
    }

    @Test
    void createsCustomerAndRecordsActivityThroughGateway(LocalStack stack) throws Exception {
        String token = stack.passwordGrantToken("sales1", "crm-demo");
        String email = "ada-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> created = stack.post(token, "/api/v1/customers", UUID.randomUUID().toString(),
                Map.of("name", "Ada Lovelace", "email", email, "phone", "+44 20 7946 0000"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String customerId = JSON.readTree(created.body()).path("id").asString();
        assertThat(customerId).isNotBlank();
        String traceId = created.headers().firstValue("X-Trace-Id").orElseThrow();

        URI activities = stack.gateway(
                "/api/v1/activities?customerId=" + URLEncoder.encode(customerId, StandardCharsets.UTF_8));
        await("activity customer.created for customer " + customerId)
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    HttpResponse<String> response = send(HttpRequest.newBuilder(activities)
                            .header("Authorization", "Bearer " + token).GET());
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    assertThat(StreamSupport.stream(JSON.readTree(response.body()).path("items").spliterator(), false))
                            .anySatisfy(activity -> {
                                assertThat(activity.path("action").asString()).isEqualTo("customer.created");
                                assertThat(activity.path("customerId").asString()).isEqualTo(customerId);
                                // one trace: gateway -> customer-service -> outbox -> Kafka -> activity-service
                                assertThat(activity.path("correlationId").asString()).isEqualTo(traceId);
                            });
                });
    }
}
