package org.opencrm.customer.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds of notes and communication logs.
 *
 * @param maxBodySize the largest rich-text body, measured after sanitising (UTF-8)
 * @param clockSkew how far in the future a communication's {@code occurredAt} may lie: the client's clock may run
 *        ahead of ours
 */
@ConfigurationProperties("crm.notes")
public record NotesProperties(@DefaultValue("100KB") DataSize maxBodySize, @DefaultValue("5m") Duration clockSkew) {
}
