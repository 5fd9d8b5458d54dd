package org.opencrm.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.opencrm.permissions.PermissionTable;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Refuses to start a service with an API handler method that the {@link PermissionTable} does not declare: such an
 * endpoint would be unreachable (denied by default), which is a mistake to catch in the build, not in production.
 * Every integration test starts the application, so a missing row fails the build.
 */
public class PermissionTableCoverage implements SmartInitializingSingleton {

    private final PermissionTable table;

    private final List<RequestMappingHandlerMapping> mappings;

    public PermissionTableCoverage(PermissionTable table, List<RequestMappingHandlerMapping> mappings) {
        this.table = table;
        this.mappings = mappings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> undeclared = undeclared();
        if (!undeclared.isEmpty()) {
            throw new IllegalStateException("API handlers without a row in the permission table (config-repo/"
                    + "permissions.yml), so nobody could call them: " + undeclared);
        }
    }

    /** {@code METHOD /path -> handler} of each API handler the table does not declare. */
    public List<String> undeclared() {
        List<String> undeclared = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : mappings) {
            mapping.getHandlerMethods().forEach((info, handler) -> undeclared.addAll(table.undeclared(handler,
                    paths(info), info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).toList())));
        }
        return undeclared;
    }

    private static Set<String> paths(RequestMappingInfo info) {
        return info.getPathPatternsCondition() != null
                ? info.getPathPatternsCondition().getPatterns().stream().map(PathPattern::getPatternString)
                        .collect(Collectors.toSet())
                : info.getPatternValues();
    }
}
