package org.opencrm.customer.config;

import org.opencrm.platform.richtext.RichTextBodies;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotesProperties.class)
class NotesConfiguration {

    @Bean
    RichTextBodies richTextBodies(NotesProperties properties) {
        return new RichTextBodies(properties.maxBodySize());
    }
}
