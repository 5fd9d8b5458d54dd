package org.opencrm.payment.api;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.KeycloakTestConfiguration;
import org.opencrm.platform.test.PermissionMatrix;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:payment-test.properties")
@Import(KeycloakTestConfiguration.class)
class AccessMatrixIT {

    @LocalServerPort
    int port;

    @Test
    void everyOperationAnswersEveryRoleScopeAndAnonymousCallerAsThePermissionTableSays() {
        PermissionMatrix.against("http://127.0.0.1:" + port).verifyOperationsOf("payment-service");
    }

    @Test
    void refusesEveryCallerWhatThePermissionTableDoesNotName() {
        PermissionMatrix.against("http://127.0.0.1:" + port).verifyRefused("DELETE /api/v1/payments/{id}",
                "PUT /api/v1/payments/{id}", "DELETE /api/v1/payments/{id}/refunds",
                "PUT /api/v1/payments/provider-events");
    }
}
