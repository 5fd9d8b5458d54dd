package org.opencrm.reporting.api;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.PermissionMatrix;
import org.opencrm.reporting.support.ReportingIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@ReportingIntegrationTest
class AccessMatrixIT {

    @LocalServerPort
    int port;

    @Test
    void everyOperationAnswersEveryRoleScopeAndAnonymousCallerAsThePermissionTableSays() {
        PermissionMatrix.against("http://127.0.0.1:" + port).verifyOperationsOf("reporting-service");
    }

    @Test
    void refusesEveryCallerWhatThePermissionTableDoesNotName() {
        PermissionMatrix.against("http://127.0.0.1:" + port).verifyRefused("DELETE /api/v1/reports/dashboard",
                "GET /api/v1/reports/query", "POST /api/v1/reports/dashboard/layout",
                "DELETE /api/v1/reports/dashboard/layouts/{role}", "POST /api/v1/reports/admin/rebuild");
    }
}
