package org.opencrm.reporting.api;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.PermissionMatrix;
import org.opencrm.reporting.application.ReadModelRebuild;
import org.opencrm.reporting.support.ReportingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ReportingIntegrationTest
class AccessMatrixIT {

    @LocalServerPort
    int port;

    @Autowired
    ReadModelRebuild rebuild;

    @Test
    void everyOperationAnswersEveryRoleScopeAndAnonymousCallerAsThePermissionTableSays() {
        // the admin's call of reports.rebuild starts a real rebuild: harmless while everything else goes on
        PermissionMatrix.against("http://127.0.0.1:" + port).verifyOperationsOf("reporting-service");
    }

    @Test
    void refusesEveryCallerWhatThePermissionTableDoesNotName() {
        PermissionMatrix.against("http://127.0.0.1:" + port).verifyRefused("DELETE /api/v1/reports/dashboard",
                "GET /api/v1/reports/query", "POST /api/v1/reports/dashboard/layout",
                "DELETE /api/v1/reports/dashboard/layouts/{role}", "DELETE /api/v1/reports/admin/rebuild");
    }

    /** The rebuild the matrix started has switched before another test writes rows without events. */
    @AfterEach
    void awaitTheRebuild() {
        Awaitility.await("the rebuild the matrix started").atMost(Duration.ofSeconds(60))
            .until(() -> !List.of("running", "switching").contains(rebuild.status().state()));
    }
}
