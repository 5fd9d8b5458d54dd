package org.opencrm.customer.config;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Customer documents (config-repo/customer-service.yml, {@code crm.documents}).
 *
 * @param maxSize the largest document accepted (413 beyond)
 * @param allowedTypes the content types accepted, as detected from the bytes (415 for others); none: nothing is
 * @param uploadGrace how long an upload may take from its first byte in the store to its committed row; an object
 *        still unreferenced after that is removed
 * @param cleanupInterval how often objects of removed or failed documents are deleted from the store
 */
@ConfigurationProperties("crm.documents")
public record DocumentProperties(@DefaultValue("20MB") DataSize maxSize, @DefaultValue Set<String> allowedTypes,
        @DefaultValue("15m") Duration uploadGrace, @DefaultValue("30s") Duration cleanupInterval) {
}
