package org.opencrm.platform.config;

import java.util.List;

import org.opencrm.platform.web.ControlCharacterRejectingModule;
import org.opencrm.platform.web.InputLimits;
import org.apache.catalina.core.StandardHost;
import org.opencrm.platform.web.ProblemErrorReportValve;
import org.opencrm.platform.web.ProblemResponses;
import org.opencrm.platform.web.QueryParameterFilter;
import org.opencrm.platform.web.RequestSizeLimitFilter;
import org.opencrm.platform.json.UnknownPropertyRejection;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one request may make a service read ({@link InputLimits}): Jackson's stream-read constraints on Boot's
 * {@link JsonMapper}, control characters refused in every bound string, unknown properties refused where a type asks
 * for it ({@code RejectUnknownProperties}), and servlet filters bounding the body size
 * and checking query parameters before security or any controller runs.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@EnableConfigurationProperties(InputLimits.class)
public class InputLimitsConfiguration {

    /**
     * Boot's builder (same customizers, same order), on a JSON factory with our constraints: Jackson 3 factories are
     * immutable, so the constraints cannot be set by a customizer afterwards.
     */
    @Bean
    @Scope("prototype")
    JsonMapper.Builder jsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers, InputLimits limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
            .maxDocumentLength(limits.maxRequestSize().toBytes())
            .maxNestingDepth(limits.maxNestingDepth())
            .maxStringLength(limits.maxStringLength())
            .maxNumberLength(limits.maxNumberLength())
            .build();
        JsonMapper.Builder builder = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build());
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder.addModule(new ControlCharacterRejectingModule()).addHandler(new UnknownPropertyRejection());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Filters {

        /** Before Spring Security (-100): an oversized or malformed request costs no token check. */
        private static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 50;

        @Bean
        FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(InputLimits limits,
                ProblemResponses problems) {
            FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                    new RequestSizeLimitFilter(limits, problems));
            registration.setOrder(ORDER);
            return registration;
        }

        /** Requests Tomcat refuses before any filter runs (broken paths) are answered as problem details too. */
        @Bean
        @ConditionalOnClass(StandardHost.class)
        TomcatContextCustomizer problemErrorReportValve() {
            return context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            };
        }

        @Bean
        FilterRegistrationBean<QueryParameterFilter> queryParameterFilter(ProblemResponses problems) {
            FilterRegistrationBean<QueryParameterFilter> registration = new FilterRegistrationBean<>(
                    new QueryParameterFilter(problems));
            registration.setOrder(ORDER + 1);
            return registration;
        }
    }
}
