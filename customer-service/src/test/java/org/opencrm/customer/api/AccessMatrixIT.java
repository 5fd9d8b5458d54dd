package org.opencrm.customer.api;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.KeycloakTestConfiguration;
import org.opencrm.platform.test.PermissionMatrix;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:customer-test.properties")
@Import(KeycloakTestConfiguration.class)
class AccessMatrixIT {

    @LocalServerPort
    int port;

    @Test
    void everyOperationAnswersEveryRoleScopeAndAnonymousCallerAsThePermissionTableSays() {
        PermissionMatrix.against("http://127.0.0.1:" + port).verifyOperationsOf("customer-service");
    }

    @Test
    void refusesEveryCallerWhatThePermissionTableDoesNotName() {
        PermissionMatrix.against("http://127.0.0.1:" + port).verifyRefused("PATCH /api/v1/customers/{id}",
                "DELETE /api/v1/customers", "GET /api/v1/customers/{id}/secrets", "POST /api/v1/invoices");
    }
}
