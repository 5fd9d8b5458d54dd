package org.opencrm.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencrm.permissions.PermissionTable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

class PermissionTableCoverageTest {

    @Test
    void acceptsHandlersTheTableDeclaresWhateverTheirVariableNames() throws Exception {
        RequestMappingHandlerMapping mapping = mapping();
        register(mapping, RequestMethod.GET, "/api/v1/customers/{customerId}");
        register(mapping, RequestMethod.GET, "/v3/api-docs");

        new PermissionTableCoverage(PermissionTable.load(), List.of(mapping)).afterSingletonsInstantiated();
    }

    @Test
    void refusesToStartWithAnApiHandlerTheTableDoesNotDeclare() throws Exception {
        RequestMappingHandlerMapping mapping = mapping();
        register(mapping, RequestMethod.GET, "/api/v1/customers");
        register(mapping, RequestMethod.PATCH, "/api/v1/customers/{id}");

        PermissionTableCoverage coverage = new PermissionTableCoverage(PermissionTable.load(), List.of(mapping));

        assertThat(coverage.undeclared()).singleElement().asString().startsWith("PATCH /api/v1/customers/{id}");
        assertThatThrownBy(coverage::afterSingletonsInstantiated).hasMessageContaining("PATCH /api/v1/customers/{id}");
    }

    private static RequestMappingHandlerMapping mapping() {
        RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();
        mapping.setPatternParser(new PathPatternParser());
        return mapping;
    }

    private static void register(RequestMappingHandlerMapping mapping, RequestMethod method, String path)
            throws NoSuchMethodException {
        RequestMappingInfo.BuilderConfiguration options = new RequestMappingInfo.BuilderConfiguration();
        options.setPatternParser(new PathPatternParser());
        Method handler = Handler.class.getDeclaredMethod("handle");
        mapping.registerMapping(RequestMappingInfo.paths(path).methods(method).options(options).build(), new Handler(),
                handler);
    }

    static class Handler {

        void handle() {
        }
    }
}
