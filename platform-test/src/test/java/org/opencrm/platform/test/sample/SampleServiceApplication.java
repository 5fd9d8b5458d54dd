package org.opencrm.platform.test.sample;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A stand-in for a CRM service (web, JDBC, Kafka, config client) to test {@code @ServiceIntegrationTest} on. */
@SpringBootApplication
public class SampleServiceApplication {
}
