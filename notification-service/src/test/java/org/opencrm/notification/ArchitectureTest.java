package org.opencrm.notification;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.architecture.ServiceArchitecture;

class ArchitectureTest {

    @Test
    void keepsThePackageShapeOfEveryService() {
        ServiceArchitecture.verify("org.opencrm.notification");
    }
}
