package org.opencrm.customer.config;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many demo customers to create at start-up when there are none (0: none; the run script asks for some), and the
 * users they are shared out among as owners (none: they have no owner).
 */
@ConfigurationProperties("crm.demo-data")
public record DemoDataProperties(@DefaultValue("0") int customers, @DefaultValue List<DemoOwner> owners) {

    public record DemoOwner(String id, String name) {
    }
}
