package org.opencrm.gateway.services;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Routes and the Swagger UI's list of documents, both from {@link ServiceList}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceList.class)
class ServiceListConfiguration {

    @Bean
    ServiceRoutes serviceRoutes(ServiceList services) {
        return new ServiceRoutes(services);
    }

    /**
     * One Swagger UI entry per service, beside any {@code springdoc.swagger-ui.urls} of the configuration. A bean
     * post-processor because springdoc copies the properties once they are bound; it binds the list itself so that
     * no bean is created early.
     */
    @Bean
    static BeanPostProcessor serviceApiDocs(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof SwaggerUiConfigProperties swaggerUi) {
                    ServiceList services = Binder.get(environment).bindOrCreate("crm", Bindable.of(ServiceList.class));
                    Set<SwaggerUrl> urls = new LinkedHashSet<>();
                    services.services().keySet().forEach(name ->
                            urls.add(new SwaggerUrl(name, ServiceRoutes.apiDocsPath(name), name)));
                    if (swaggerUi.getUrls() != null) {
                        urls.addAll(swaggerUi.getUrls());
                    }
                    swaggerUi.setUrls(urls);
                }
                return bean;
            }
        };
    }
}
