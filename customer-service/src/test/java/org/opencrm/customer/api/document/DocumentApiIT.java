package org.opencrm.customer.api.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.KeycloakTestConfiguration;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.opencrm.platform.test.TestInfrastructure;
import org.opencrm.platform.test.TestNamespace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Documents over real HTTP with real Keycloak tokens, their bytes in the real S3-compatible server (S3Mock) and their
 * rows in PostgreSQL: what is stored, what is refused, and that no failure leaves an object without a row.
 */
@ServiceIntegrationTest
@Import(KeycloakTestConfiguration.class)
@TestPropertySource(locations = "classpath:documents-test.properties")
class DocumentApiIT {

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    String sales;

    @BeforeEach
    void tokens() {
        sales = TestInfrastructure.keycloak().passwordToken("sales1", "crm-demo");
    }

    @Test
    void attachesListsDownloadsAndRemovesADocumentWithItsObjectAndEvents() throws Exception {
        String customer = createCustomer();

        HttpResponse<String> attached = upload(customer, "../../etc/Angebot \"2026\".pdf", "text/html", PDF, sales);

        assertThat(attached.statusCode()).isEqualTo(201);
        JsonNode document = json.readTree(attached.body());
        String id = document.get("id").asString();
        assertThat(attached.headers().firstValue("Location")).hasValue(documents(customer) + "/" + id);
        assertThat(document.get("filename").asString()).isEqualTo("Angebot _2026_.pdf");
        assertThat(document.get("contentType").asString()).as("from the bytes, not the client").isEqualTo("application/pdf");
        assertThat(document.get("size").asLong()).isEqualTo(PDF.length);
        assertThat(document.get("sha256").asString()).isEqualTo(sha256(PDF));
        assertThat(document.get("uploadedByName").asString()).isNotBlank();
        String key = jdbc.sql("select storage_key from customer_document where id = :id").param("id", UUID.fromString(id))
            .query(String.class).single();
        assertThat(key).isEqualTo("customers/" + customer + "/" + id);
        assertThat(objectKeys(customer)).containsExactly(key);
        assertThat(cleanupEntries()).isZero();

        String support = TestInfrastructure.keycloak().passwordToken("support", "crm-demo");
        JsonNode list = json.readTree(get(documents(customer), support).body());
        assertThat(list.get("items")).hasSize(1);
        assertThat(list.get("items").get(0).get("id").asString()).isEqualTo(id);

        HttpResponse<byte[]> download = HTTP.send(request(documents(customer) + "/" + id + "/content", support).GET()
            .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Length")).hasValue(String.valueOf(PDF.length));
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"Angebot _2026_.pdf\"; filename*=UTF-8''Angebot%20_2026_.pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        HttpResponse<String> removed = HTTP.send(request(documents(customer) + "/" + id, sales).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(json.readTree(get(documents(customer), support).body()).get("items")).isEmpty();
        assertThat(objectKeys(customer)).isEmpty();
        assertThat(cleanupEntries()).isZero();
        assertThat(get(documents(customer) + "/" + id + "/content", support).statusCode()).isEqualTo(404);

        assertThat(events(customer, "customer.document-attached")).isEqualTo(1);
        assertThat(events(customer, "customer.document-removed")).isEqualTo(1);
        JsonNode payload = json.readTree(jdbc.sql("select payload::text from outbox_event where aggregate_id = :id "
                + "and type = 'customer.document-attached'").param("id", customer).query(String.class).single())
            .get("payload");
        assertThat(payload.get("documentId").asString()).isEqualTo(id);
        assertThat(payload.get("filename").asString()).isEqualTo("Angebot _2026_.pdf");
        assertThat(payload.get("sha256").asString()).isEqualTo(sha256(PDF));
        assertThat(payload.get("actorId").asString()).isNotBlank();
    }

    @Test
    void detectsTheTypeFromTheBytesAndRefusesWhatIsNotAllowedWith415() throws Exception {
        String customer = createCustomer();
        byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
            .getBytes(StandardCharsets.UTF_8);
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';

        for (var refused : new Object[][] { { "invoice.pdf", html }, { "report.pdf", exe },
                { "drawing.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                    .getBytes(StandardCharsets.UTF_8) } }) {
            HttpResponse<String> response = upload(customer, (String) refused[0], "application/pdf", (byte[]) refused[1],
                    sales);
            assertThat(response.statusCode()).as((String) refused[0]).isEqualTo(415);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asString()).isEqualTo("file");
        }
        HttpResponse<String> text = upload(customer, "notes.txt", "application/octet-stream",
                "Call back on Monday.\n".getBytes(StandardCharsets.UTF_8), sales);
        assertThat(text.statusCode()).isEqualTo(201);
        assertThat(json.readTree(text.body()).get("contentType").asString()).isEqualTo("text/plain");

        assertThat(rows(customer)).isEqualTo(1);
        assertThat(objectKeys(customer)).hasSize(1);
        assertThat(cleanupEntries()).isZero();
    }

    @Test
    void refusesDocumentsOverTheLimitAndEmptyOnes() throws Exception {
        String customer = createCustomer();
        byte[] tooLarge = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, tooLarge, 0, PDF.length);

        HttpResponse<String> large = upload(customer, "large.pdf", "application/pdf", tooLarge, sales);
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(large.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        assertThat(upload(customer, "empty.pdf", "application/pdf", new byte[0], sales).statusCode()).isEqualTo(400);
        assertThat(rows(customer)).isZero();
        assertThat(objectKeys(customer)).isEmpty();
    }

    @Test
    void refusesTheSameFileTwiceAndRemovesTheObjectItHadAlreadyStored() throws Exception {
        String customer = createCustomer();
        assertThat(upload(customer, "contract.pdf", "application/pdf", PDF, sales).statusCode()).isEqualTo(201);

        // stored first, refused by the row's unique constraint: the failed transaction's object must go again
        HttpResponse<String> again = upload(customer, "contract copy.pdf", "application/pdf", PDF, sales);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json.readTree(again.body()).get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(rows(customer)).isEqualTo(1);
        assertThat(objectKeys(customer)).hasSize(1);
        assertThat(cleanupEntries()).isZero();
        // another customer may have the same file
        assertThat(upload(createCustomer(), "contract.pdf", "application/pdf", PDF, sales).statusCode()).isEqualTo(201);
    }

    @Test
    void leavesNoRowAndNoObjectWhenTheClientDisconnectsMidUpload() throws Exception {
        String customer = createCustomer();
        String boundary = "crm-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"half.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        int declared = 2 * 1024 * 1024;

        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + documents(customer) + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Authorization: Bearer " + sales + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                    + "Content-Length: " + declared + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(head);
            out.write(PDF);
            out.write(new byte[256 * 1024]);
            out.flush();
        }

        // the service is still there, and took nothing of the half upload
        assertThat(upload(customer, "whole.pdf", "application/pdf", PDF, sales).statusCode()).isEqualTo(201);
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> {
                assertThat(rows(customer)).isEqualTo(1);
                assertThat(objectKeys(customer)).hasSize(1);
            });
        assertThat(jdbc.sql("select filename from customer_document where customer_id = :id")
            .param("id", UUID.fromString(customer)).query(String.class).single()).isEqualTo("whole.pdf");
    }

    @Test
    void answers503WhenTheStoreIsDownAndKeepsNoRow() throws Exception {
        String customer = createCustomer();
        TestInfrastructure.interruptS3();
        HttpResponse<String> response;
        try {
            response = upload(customer, "while-down.pdf", "application/pdf", PDF, sales);
        }
        finally {
            TestInfrastructure.resumeS3();
        }
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(rows(customer)).isZero();
        // the reservation of the upload's key is worked off once the store answers again
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> cleanupEntries() == 0);
        assertThat(objectKeys(customer)).isEmpty();
        assertThat(upload(customer, "after.pdf", "application/pdf", PDF, sales).statusCode()).isEqualTo(201);
    }

    @Test
    void removesTheObjectsOfACustomerRemovedForGood() throws Exception {
        String customer = createCustomer();
        assertThat(upload(customer, "a.pdf", "application/pdf", PDF, sales).statusCode()).isEqualTo(201);
        assertThat(upload(customer, "b.txt", "text/plain", "b\n".getBytes(StandardCharsets.UTF_8), sales).statusCode())
            .isEqualTo(201);
        assertThat(objectKeys(customer)).hasSize(2);

        // a purge, or an operator's SQL: the rows go with the customer, their objects through the cleanup job
        jdbc.sql("delete from customer where id = :id").param("id", UUID.fromString(customer)).update();

        assertThat(rows(customer)).isZero();
        // untilAsserted: the S3 test server may fail a listing that races its own deletes (500); the next poll answers
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(objectKeys(customer)).isEmpty());
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> cleanupEntries() == 0);
    }

    @Test
    void answers404ForUnknownCustomersAndDocuments() throws Exception {
        String unknown = UUID.randomUUID().toString();
        assertThat(upload(unknown, "a.pdf", "application/pdf", PDF, sales).statusCode()).isEqualTo(404);
        assertThat(get(documents(unknown), sales).statusCode()).isEqualTo(404);
        String customer = createCustomer();
        assertThat(get(documents(customer) + "/" + UUID.randomUUID() + "/content", sales).statusCode()).isEqualTo(404);
        assertThat(HTTP.send(request(documents(customer) + "/" + UUID.randomUUID(), sales).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        assertThat(get(documents(customer) + "?cursor=nonsense", sales).statusCode()).isEqualTo(400);
    }

    @Test
    void pagesThroughTheDocumentsNewestFirst() throws Exception {
        String customer = createCustomer();
        for (int i = 0; i < 3; i++) {
            assertThat(upload(customer, "page-" + i + ".txt", "text/plain",
                    ("page " + i + "\n").getBytes(StandardCharsets.UTF_8), sales).statusCode()).isEqualTo(201);
        }
        JsonNode first = json.readTree(get(documents(customer) + "?size=2", sales).body());
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("items").get(0).get("filename").asString()).isEqualTo("page-2.txt");
        JsonNode second = json.readTree(get(documents(customer) + "?size=2&cursor="
                + first.get("nextCursor").asString(), sales).body());
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("filename").asString()).isEqualTo("page-0.txt");
        assertThat(second.hasNonNull("nextCursor")).isFalse();
    }

    private String createCustomer() throws Exception {
        HttpResponse<String> response = HTTP.send(request("/api/v1/customers", sales)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Documents Test\",\"email\":\"docs-" + UUID.randomUUID()
                    + "@example.com\"}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asString();
    }

    private HttpResponse<String> upload(String customer, String filename, String claimedType, byte[] bytes,
            String token) throws Exception {
        String boundary = "crm-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\r\nContent-Type: " + claimedType + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return HTTP.send(request(documents(customer), token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head, bytes, tail)))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return HTTP.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token);
    }

    private static String documents(String customer) {
        return "/api/v1/customers/" + customer + "/documents";
    }

    private long rows(String customer) {
        return jdbc.sql("select count(*) from customer_document where customer_id = :id")
            .param("id", UUID.fromString(customer)).query(Long.class).single();
    }

    private long cleanupEntries() {
        return jdbc.sql("select count(*) from document_object_cleanup").query(Long.class).single();
    }

    private long events(String customer, String type) {
        return jdbc.sql("select count(*) from outbox_event where aggregate_id = :id and type = :type")
            .param("id", customer).param("type", type).query(Long.class).single();
    }

    /** The keys under the customer's prefix, as the S3 API lists them (ListObjectsV2). */
    static java.util.List<String> objectKeys(String customer) throws IOException, InterruptedException {
        String url = TestInfrastructure.s3().endpoint() + "/" + TestNamespace.bucket() + "?list-type=2&prefix=customers/"
                + customer + "/";
        HttpResponse<String> listing = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(listing.statusCode()).as(listing.body()).isEqualTo(200);
        java.util.List<String> keys = new java.util.ArrayList<>();
        Matcher key = Pattern.compile("<Key>([^<]+)</Key>").matcher(listing.body());
        while (key.find()) {
            keys.add(key.group(1));
        }
        return keys;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
