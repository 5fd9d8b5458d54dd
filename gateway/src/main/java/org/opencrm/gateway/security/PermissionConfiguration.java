package org.opencrm.gateway.security;

import java.util.ArrayList;
import java.util.List;

import org.opencrm.permissions.PermissionTable;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/** The permission table, and the check that each of the gateway's own API endpoints has a row in it. */
@Configuration(proxyBeanMethods = false)
class PermissionConfiguration {

    @Bean
    PermissionTable permissionTable() {
        return PermissionTable.load();
    }

    /** Refuses to start with an API handler of the gateway (e.g. /api/v1/me) that the table does not declare. */
    @Bean
    SmartInitializingSingleton permissionTableCoverage(PermissionTable table,
            List<RequestMappingHandlerMapping> mappings) {
        return () -> {
            List<String> undeclared = new ArrayList<>();
            mappings.forEach(mapping -> mapping.getHandlerMethods().forEach((info, handler) -> undeclared.addAll(
                    table.undeclared(handler,
                            info.getPatternsCondition().getPatterns().stream().map(PathPattern::getPatternString).toList(),
                            info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).toList()))));
            if (!undeclared.isEmpty()) {
                throw new IllegalStateException("gateway API handlers without a row in the permission table "
                        + "(config-repo/permissions.yml): " + undeclared);
            }
        };
    }
}
