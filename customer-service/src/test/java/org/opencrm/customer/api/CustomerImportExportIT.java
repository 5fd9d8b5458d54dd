package org.opencrm.customer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.customer.api.CustomerApiIT.as;
import static org.opencrm.customer.api.CustomerApiIT.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Customers in and out as CSV: an import checks every row as a create would, skips the emails it knows, reports the
 * rest by row number and creates the others with their history and events; an export writes what an import reads
 * back, formulas neutralised.
 */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:customer-test.properties")
class CustomerImportExportIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDryRunReportsEveryRowAndTheImportCreatesTheValidOnesOnce() throws Exception {
        String tag = "imp" + System.nanoTime();
        String ada = unique("ada");
        String bob = unique("bob");
        String existing = unique("existing");
        createCustomer("Existing", existing);
        String file = """
                Name;E-mail address;Phone;Organisation;Tags;Notes
                Ada Import;%1$s;'+44 20 7946 0000;Initech;%3$s, VIP;met at the fair

                Bad Email;not-an-email;;;;
                Existing;%2$s;;;;
                Ada Again;%4$s;;;;
                Bob Import;%5$s;;;%3$s;
                """.formatted(ada, existing.toUpperCase(), tag, ada.toUpperCase(), bob);

        JsonNode dryRun = body(importFile("manager", file, true).andExpect(status().isOk()));
        assertThat(dryRun.get("dryRun").asBoolean()).isTrue();
        assertThat(dryRun.get("encoding").asString()).isEqualTo("UTF-8");
        assertThat(dryRun.get("rows").asInt()).isEqualTo(5);
        assertThat(dryRun.get("accepted").asInt()).isEqualTo(2);
        assertThat(rowsOf(dryRun.get("skipped"))).containsExactly(5, 6);
        assertThat(dryRun.get("skipped").get(0).get("reason").asString()).contains("already exists");
        assertThat(dryRun.get("skipped").get(1).get("reason").asString()).isEqualTo("Same email as row 2.");
        assertThat(rowsOf(dryRun.get("errors"))).containsExactly(4);
        assertThat(dryRun.get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(dryRun.get("ignoredColumns").get(0).asString()).isEqualTo("Notes");
        assertThat(taggedIds(tag)).as("a dry run creates nothing").isEmpty();

        JsonNode imported = body(importFile("manager", file, false).andExpect(status().isOk()));
        assertThat(imported.get("dryRun").asBoolean()).isFalse();
        assertThat(imported.get("accepted").asInt()).isEqualTo(2);
        assertThat(taggedIds(tag)).hasSize(2);
        JsonNode customer = body(mvc.perform(get("/api/v1/customers").param("q", ada).with(as("manager"))))
            .get("items").get(0);
        assertThat(customer.get("name").asString()).isEqualTo("Ada Import");
        assertThat(customer.get("phone").asString()).as("the apostrophe of an export goes").isEqualTo("+44 20 7946 0000");
        assertThat(customer.get("company").asString()).isEqualTo("Initech");
        assertThat(customer.get("tags").toString()).isEqualTo("[\"" + tag + "\",\"vip\"]");
        assertThat(customer.get("ownerId").asString()).isEqualTo("user-manager");
        String id = customer.get("id").asString();
        assertThat(jdbc.sql("select count(*) from outbox_event where aggregate_id = :id and type = 'customer.created'")
            .param("id", id).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/api/v1/customers/" + id + "/history").with(as("manager")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items[0].field").value("created"))
            .andExpect(jsonPath("$.items[0].actorName").value("The manager"));

        JsonNode again = body(importFile("manager", file, false).andExpect(status().isOk()));
        assertThat(again.get("accepted").asInt()).as("a repeat creates nothing twice").isZero();
        assertThat(rowsOf(again.get("skipped"))).containsExactly(2, 5, 6, 7);
        assertThat(taggedIds(tag)).hasSize(2);
    }

    @Test
    void theOwnerColumnNamesAUserByUsernameOrNameAndSalesImportOnlyTheirOwn() throws Exception {
        String byUsername = unique("by-username");
        String byName = unique("by-name");
        String file = """
                Name,Email,Owner
                By Username,%s,SALES2
                By Name,%s,other seller
                Nobody's,%s,nobody
                """.formatted(byUsername, byName, unique("nobody"));

        JsonNode manager = body(importFile("manager", file, false).andExpect(status().isOk()));
        assertThat(manager.get("accepted").asInt()).isEqualTo(2);
        assertThat(rowsOf(manager.get("errors"))).containsExactly(4);
        assertThat(manager.get("errors").get(0).get("field").asString()).isEqualTo("owner");
        assertThat(ownerOf(byUsername)).isEqualTo("user-sales2");
        assertThat(ownerOf(byName)).isEqualTo("user-sales2");

        String mine = unique("mine");
        String named = unique("named");
        JsonNode sales = body(importFile("sales", """
                Name,Email,Owner
                Mine,%s,
                Named Me,%s,sales
                Theirs,%s,sales2
                """.formatted(mine, named, unique("theirs")), false).andExpect(status().isOk()));
        assertThat(sales.get("accepted").asInt()).isEqualTo(2);
        assertThat(rowsOf(sales.get("errors"))).containsExactly(4);
        assertThat(sales.get("errors").get(0).get("message").asString()).contains("only customers you own");
        assertThat(ownerOf(mine)).isEqualTo("user-sales");
        assertThat(ownerOf(named)).isEqualTo("user-sales");
    }

    @Test
    void withExistingUpdateTheFilledCellsReplaceAKnownCustomersFieldsAndEmptyOnesKeepThem() throws Exception {
        String renamed = unique("renamed");
        String renamedId = id(mvc.perform(post("/api/v1/customers").with(as("manager"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("""
                    {"name":"Ada Before","email":"%s","phone":"+1 555","company":"Acme","tags":["vip"]}"""
                .formatted(renamed))));
        String same = unique("same");
        createCustomer("Bob Same", same, "Initech");
        String moved = unique("moved");
        createCustomer("Dan Moved", moved);
        String fresh = unique("fresh");
        String file = """
                Name,Email,Phone,Company,Tags,Owner
                Ada After,%s,,Globex,,
                Bob Same,%s,,,,
                Cid Fresh,%s,,,,
                Dan Moved,%s,,,,sales2
                """.formatted(renamed.toUpperCase(), same, fresh, moved);

        JsonNode dryRun = body(importFile("manager", file, true, "update").andExpect(status().isOk()));
        assertThat(List.of(dryRun.get("accepted").asInt(), dryRun.get("updated").asInt(),
                dryRun.get("unchanged").asInt())).containsExactly(1, 2, 1);
        assertThat(dryRun.get("skipped")).isEmpty();
        assertThat(customerNamed(renamed).get("name").asString()).as("a dry run changes nothing").isEqualTo("Ada Before");

        JsonNode imported = body(importFile("manager", file, false, "update").andExpect(status().isOk()));
        assertThat(List.of(imported.get("accepted").asInt(), imported.get("updated").asInt(),
                imported.get("unchanged").asInt())).containsExactly(1, 2, 1);
        JsonNode ada = customerNamed(renamed);
        assertThat(ada.get("name").asString()).isEqualTo("Ada After");
        assertThat(ada.get("email").asString()).as("the key stays as it was").isEqualTo(renamed);
        assertThat(ada.get("company").asString()).isEqualTo("Globex");
        assertThat(ada.get("phone").asString()).as("an empty cell keeps the field").isEqualTo("+1 555");
        assertThat(ada.get("tags").toString()).isEqualTo("[\"vip\"]");
        assertThat(ada.get("version").asLong()).isEqualTo(1);
        assertThat(eventsOf(renamedId)).containsExactly("customer.created", "customer.updated");
        List<String> changed = new ArrayList<>();
        body(mvc.perform(get("/api/v1/customers/" + renamedId + "/history").with(as("manager")))).get("items")
            .forEach(entry -> changed.add(entry.get("field").asString()));
        assertThat(changed).contains("name", "company").doesNotContain("phone", "tags");
        assertThat(ownerOf(moved)).isEqualTo("user-sales2");
        assertThat(eventsOf(customerNamed(moved).get("id").asString()))
            .as("a new owner alone is no update of the details")
            .containsExactly("customer.created", "customer.owner-changed");
        assertThat(customerNamed(same).get("version").asLong()).as("a row as the customer is changes nothing")
            .isZero();
        assertThat(customerNamed(fresh).get("ownerId").asString()).isEqualTo("user-manager");

        JsonNode again = body(importFile("manager", file, false, "update").andExpect(status().isOk()));
        assertThat(List.of(again.get("accepted").asInt(), again.get("updated").asInt(),
                again.get("unchanged").asInt())).containsExactly(0, 0, 4);

        String own = unique("own");
        mvc.perform(post("/api/v1/customers").with(as("sales")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Own Before\",\"email\":\"%s\"}".formatted(own)))
            .andExpect(status().isCreated());
        JsonNode sales = body(importFile("sales", """
                Name,Email
                Own After,%s
                Not Mine,%s
                """.formatted(own, renamed), false, "update").andExpect(status().isOk()));
        assertThat(sales.get("updated").asInt()).isEqualTo(1);
        assertThat(rowsOf(sales.get("errors"))).containsExactly(3);
        assertThat(sales.get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(sales.get("errors").get(0).get("message").asString()).contains("only customers you own");
        assertThat(customerNamed(own).get("name").asString()).isEqualTo("Own After");
        assertThat(customerNamed(renamed).get("name").asString()).isEqualTo("Ada After");

        importFile("manager", file, true, "overwrite")
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.errors[0].field").value("existing"));
    }

    @Test
    void aFileNoRowOfWhichCanBeImportedIsRefusedWith422NamingTheFile() throws Exception {
        List<String> files = new ArrayList<>(List.of("", "\uFEFF\n\n", "Name,Phone\nAda,123\n", "Name,Email\n",
                "Name,Email,E-mail\nAda,a@example.com,b@example.com\n", "Name,Email\n\"Ada,a@example.com\n"));
        files.add("Name,Email\n" + "Ada,ada@example.com\n".repeat(CustomerCsvReader.MAX_ROWS + 1));
        for (String file : files) {
            importFile("manager", file, true)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.emptyOrNullString())));
        }
        mvc.perform(multipart("/api/v1/customers/import").with(as("manager"))).andExpect(status().isBadRequest());
    }

    @Test
    void readsWindows1252AndRefusesControlCharactersAndInvalidFieldsRowByRow() throws Exception {
        String zoe = unique("zoe");
        byte[] windows1252 = "Name,Email\nZoë Müller,%s\n".formatted(zoe).getBytes(Charset.forName("windows-1252"));
        JsonNode read = body(importFile("manager", windows1252, false).andExpect(status().isOk()));
        assertThat(read.get("encoding").asString()).isEqualTo("windows-1252");
        assertThat(body(mvc.perform(get("/api/v1/customers").param("q", zoe).with(as("manager")))).get("items").get(0)
            .get("name").asString()).isEqualTo("Zoë Müller");

        JsonNode refused = body(importFile("manager", """
                Name,Email,Phone,Tags
                Bell\u0007,%s,,
                ,%s,call me,<script>
                """.formatted(unique("bell"), unique("blank")), true).andExpect(status().isOk()));
        assertThat(refused.get("accepted").asInt()).isZero();
        List<String> problems = new ArrayList<>();
        refused.get("errors").forEach(e -> problems.add(e.get("row").asInt() + " " + e.get("field").asString()));
        assertThat(problems).containsExactly("2 name", "3 name", "3 phone", "3 tags");
    }

    @Test
    void theExportWritesWhatTheListShowsInTheColumnsAnImportReadsBack() throws Exception {
        String company = "Export-" + System.nanoTime();
        String formula = unique("formula");
        String id = id(mvc.perform(post("/api/v1/customers").with(as("manager")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"=HYPERLINK(\\"x\\")","email":"%s","phone":"+44 1","company":"%s","tags":["vip","b2b"]}"""
                    .formatted(formula, company))));
        createCustomer("Plain", unique("plain"), company);

        ResultActions export = mvc.perform(get("/api/v1/customers/export").param("q", company).param("sort", "name")
                .param("format", "csv").with(as("manager")))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("text/csv"))
            .andExpect(header().string("Content-Disposition", Matchers.matchesPattern(
                    "attachment; filename=\"customers-\\d{4}-\\d{2}-\\d{2}\\.csv\"")));
        String csv = export.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("Name,Email,Phone,Company,Tags,Owner,Created,Id");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("\"'=HYPERLINK(\"\"x\"\")\"," + formula + ",'+44 1," + company + ",b2b; vip,The manager,")
            .endsWith("," + id);
        assertThat(lines[2]).startsWith("Plain,");

        mvc.perform(delete("/api/v1/customers/" + id).with(as("manager"))).andExpect(status().isNoContent());
        JsonNode reimported = body(importFile("manager", csv, false).andExpect(status().isOk()));
        assertThat(reimported.get("accepted").asInt()).as("the deleted one; the other exists").isEqualTo(1);
        assertThat(reimported.get("ignoredColumns").toString()).isEqualTo("[\"Created\",\"Id\"]");
        JsonNode back = body(mvc.perform(get("/api/v1/customers").param("q", formula).with(as("manager"))))
            .get("items").get(0);
        assertThat(back.get("name").asString()).isEqualTo("=HYPERLINK(\"x\")");
        assertThat(back.get("phone").asString()).isEqualTo("+44 1");
        assertThat(back.get("tags").toString()).isEqualTo("[\"b2b\",\"vip\"]");
        assertThat(back.get("ownerId").asString()).isEqualTo("user-manager");

        String header = mvc.perform(get("/api/v1/customers/export").param("q", "no-such-" + UUID.randomUUID())
                .with(as("admin")))
            .andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(header).isEqualTo("Name,Email,Phone,Company,Tags,Owner,Created,Id\r\n");
        mvc.perform(get("/api/v1/customers/export").param("sort", "age").with(as("manager")))
            .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/customers/export").param("format", "pdf").with(as("manager")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("format"));
    }

    private ResultActions importFile(String role, String csv, boolean dryRun) throws Exception {
        return importFile(role, csv.getBytes(StandardCharsets.UTF_8), dryRun);
    }

    private ResultActions importFile(String role, byte[] csv, boolean dryRun) throws Exception {
        return importFile(role, csv, dryRun, null);
    }

    private ResultActions importFile(String role, String csv, boolean dryRun, String existing) throws Exception {
        return importFile(role, csv.getBytes(StandardCharsets.UTF_8), dryRun, existing);
    }

    private ResultActions importFile(String role, byte[] csv, boolean dryRun, String existing) throws Exception {
        var request = multipart("/api/v1/customers/import")
            .file(new MockMultipartFile("file", "customers.csv", "text/csv", csv))
            .param("dryRun", String.valueOf(dryRun))
            .with(as(role));
        return mvc.perform(existing == null ? request : request.param("existing", existing));
    }

    private JsonNode customerNamed(String email) throws Exception {
        return body(mvc.perform(get("/api/v1/customers").param("q", email).with(as("manager")))).get("items").get(0);
    }

    private List<String> eventsOf(String id) {
        return jdbc.sql("select type from outbox_event where aggregate_id = :id order by position")
            .param("id", id).query(String.class).list();
    }

    private void createCustomer(String name, String email) throws Exception {
        createCustomer(name, email, null);
    }

    private void createCustomer(String name, String email, String company) throws Exception {
        mvc.perform(post("/api/v1/customers").with(as("manager")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(java.util.Map.of("name", name, "email", email, "company",
                        company == null ? "" : company))))
            .andExpect(status().isCreated());
    }

    private List<String> taggedIds(String tag) throws Exception {
        List<String> ids = new ArrayList<>();
        body(mvc.perform(get("/api/v1/customers").param("tag", tag).with(as("manager")))).get("items")
            .forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private String ownerOf(String email) throws Exception {
        return body(mvc.perform(get("/api/v1/customers").param("q", email).with(as("manager")))).get("items").get(0)
            .get("ownerId").asString();
    }

    private String id(ResultActions created) throws Exception {
        return body(created.andExpect(status().isCreated())).get("id").asString();
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<Integer> rowsOf(JsonNode rows) {
        List<Integer> numbers = new ArrayList<>();
        rows.forEach(row -> numbers.add(row.get("row").asInt()));
        return numbers;
    }
}
