package org.opencrm.gateway;

import java.util.List;
import java.util.Set;

import org.opencrm.permissions.Operation;
import org.opencrm.permissions.PermissionTable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpMethod;

/**
 * The permission table plus operations of services that have none yet, so that their routes' rate limit, time
 * limiter and missing instance can be tried: without a row the gateway refuses the call before routing it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StandInOperations {

    private static final Set<String> ANY_ROLE = Set.of("admin", "manager", "sales", "support");

    @Bean
    @Primary
    PermissionTable permissionTableWithStandIns() {
        return PermissionTable.load().with(List.of(
                Operation.of("test.notifications.list", "notification-service", HttpMethod.GET,
                        "/api/v1/notifications", ANY_ROLE, Set.of())));
    }
}
