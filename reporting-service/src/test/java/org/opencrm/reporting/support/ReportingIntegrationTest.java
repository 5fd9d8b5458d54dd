package org.opencrm.reporting.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.opencrm.platform.test.KeycloakTestConfiguration;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** Every reporting-service IT: the same annotations, so that they all share one Spring context (real Keycloak). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:reporting-test.properties")
@Import({ KeycloakTestConfiguration.class, EventFeed.class })
public @interface ReportingIntegrationTest {
}
