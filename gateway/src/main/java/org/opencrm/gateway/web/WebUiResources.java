package org.opencrm.gateway.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.resource.AbstractResourceResolver;
import org.springframework.web.reactive.resource.EncodedResourceResolver;
import org.springframework.web.reactive.resource.ResourceResolverChain;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Serves the web UI's build ({@code classpath:/static/}, in the web-ui jar) at {@code /**}, asked before Boot's
 * configuration, which then leaves that pattern alone (its webjars, the API documentation's UI among them, stay as
 * Boot and springdoc serve them): the same chain as Boot's (resolved resources cached, the build's Brotli and gzip
 * copies served to browsers that accept them), over resources read without an exception when they lie in a jar
 * ({@link JarStreamedResource}). {@link WebUiFilter} sets the caching headers.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebUiResources implements WebFluxConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/**")
            .addResourceLocations("classpath:/static/")
            .resourceChain(true)
            .addResolver(new EncodedResourceResolver())
            .addResolver(new JarStreamedResolver());
    }

    /** Hands the encoded-copy resolver a {@link JarStreamedResource} for each file found, so its copies are one too. */
    private static final class JarStreamedResolver extends AbstractResourceResolver {

        @Override
        protected Mono<Resource> resolveResourceInternal(ServerWebExchange exchange, String requestPath,
                List<? extends Resource> locations, ResourceResolverChain chain) {
            return chain.resolveResource(exchange, requestPath, locations).map(JarStreamedResolver::streamed);
        }

        @Override
        protected Mono<String> resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
                ResourceResolverChain chain) {
            return chain.resolveUrlPath(resourceUrlPath, locations);
        }

        private static Resource streamed(Resource resource) {
            return resource instanceof ClassPathResource found && !(resource instanceof JarStreamedResource)
                    ? new JarStreamedResource(found.getPath()) : resource;
        }
    }
}
