package org.opencrm.gateway;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole gateway on a random port, configured as it runs (config-repo's application, gateway and services files,
 * read from disk) but without a config server or Eureka, with the dev realm's client secrets. A test adds its own
 * settings with {@link TestPropertySource} and the infrastructure it needs with {@code @Import}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.config.enabled=false",
        "eureka.client.enabled=false",
        "spring.config.import=optional:file:${crm.project.root}/config-repo/application.yml,"
                + "optional:file:${crm.project.root}/config-repo/gateway.yml,"
                + "optional:file:${crm.project.root}/config-repo/services.yml",
        "spring.security.oauth2.client.registration.keycloak.client-secret=crm-gateway-dev-secret",
        "spring.security.oauth2.client.registration.crm-user-admin.client-secret=crm-user-admin-dev-secret",
        // a context's event loops stop at once: their 2 s quiet period, for each of the module's contexts as the test
        // JVM exits, kept the build waiting ~10 s
        "spring.reactor.netty.shutdown-quiet-period=0s" })
public @interface GatewayTest {
}
