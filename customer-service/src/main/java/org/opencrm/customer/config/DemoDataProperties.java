package org.opencrm.customer.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How many demo customers to create at start-up when there are none (0: none; the run script asks for some). */
@ConfigurationProperties("crm.demo-data")
public record DemoDataProperties(@DefaultValue("0") int customers) {
}
