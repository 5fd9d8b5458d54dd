package org.opencrm.customer.api;

import static org.opencrm.customer.api.CustomerApiIT.as;
import static org.opencrm.customer.api.CustomerApiIT.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.KeycloakTestConfiguration;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.json.JsonMapper;

/**
 * The owner check against the real Keycloak (the dev realm's users, read through customer-service's own service
 * account): an enabled admin, manager or sales user may own customers, a user without such a role may not.
 */
@ServiceIntegrationTest
@Import(KeycloakTestConfiguration.class)
@TestPropertySource(properties = { "crm.users.directory.source=keycloak",
        "spring.security.oauth2.client.registration.crm-customer-service.client-secret=crm-customer-service-dev-secret" })
class CustomerOwnerDirectoryIT {

    /** The dev realm's users (infra/keycloak/crm-realm.json). */
    private static final String SALES1 = "5e0c2a3b-0000-4000-8000-000000000003";
    private static final String SUPPORT = "5e0c2a3b-0000-4000-8000-000000000005";
    private static final String PENDING = "5e0c2a3b-0000-4000-8000-000000000006";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Test
    void givesTheCustomerToAnActiveSalesUserWithTheNameKeycloakKnows() throws Exception {
        String id = create();
        changeOwner(id, SALES1)
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.ownerId").value(SALES1))
            .andExpect(jsonPath("$.ownerName").value("Sam Seller"));
    }

    @Test
    void refusesUsersWithoutAnOwnerRoleWith422() throws Exception {
        String id = create();
        changeOwner(id, PENDING).andExpect(status().isUnprocessableContent());
        changeOwner(id, SUPPORT).andExpect(status().isUnprocessableContent());
    }

    private ResultActions changeOwner(String id, String owner) throws Exception {
        return mvc.perform(put("/api/v1/customers/" + id + "/owner").with(as("manager"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"owner":"%s"}""".formatted(owner)));
    }

    private String create() throws Exception {
        String body = mvc.perform(post("/api/v1/customers").with(as("sales")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"Directory","email":"%s"}""".formatted(unique("directory"))))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asString();
    }
}
