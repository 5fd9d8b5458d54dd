package org.opencrm.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that makes a component of the shared test infrastructure unavailable ({@link TestInfrastructure}'s
 * {@code interrupt…} methods): it runs while no other test JVM of the build runs a test class
 * ({@link InfrastructureTurns}), as the modules built at once would meet the outage too. On a test method, only that
 * method runs alone (its class's context starts and its other tests run beside the others); on a class, all of it.
 * An outage of this JVM's own needs none: its PostgreSQL database, the S3 server behind its {@link TcpGate}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface InterruptsInfrastructure {
}
