package org.opencrm.lead.api;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.KeycloakTestConfiguration;
import org.opencrm.platform.test.PermissionMatrix;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

@ServiceIntegrationTest
@Import(KeycloakTestConfiguration.class)
@TestPropertySource(locations = "classpath:lead-test.properties")
class AccessMatrixIT {

    @LocalServerPort
    int port;

    @Test
    void everyOperationAnswersEveryRoleScopeAndAnonymousCallerAsThePermissionTableSays() {
        PermissionMatrix.against("http://127.0.0.1:" + port).verifyOperationsOf("lead-service");
    }

    @Test
    void refusesEveryCallerWhatThePermissionTableDoesNotName() {
        PermissionMatrix.against("http://127.0.0.1:" + port).verifyRefused("PATCH /api/v1/leads/{id}",
                "DELETE /api/v1/leads", "POST /api/v1/leads/{id}/status", "GET /api/v1/leads/{id}/secrets");
    }
}
