package org.opencrm.gateway.security;

import java.time.Clock;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** Wraps Boot's issuer-based decoder (validators and lazy JWK set as configured) in {@link CachingJwtDecoder}. */
@Configuration(proxyBeanMethods = false)
class JwtDecoderCacheConfiguration {

    /** Far more distinct live tokens than one gateway instance sees in a token's lifetime. */
    static final long MAX_TOKENS = 100_000;

    @Bean
    static BeanPostProcessor cachingJwtDecoderPostProcessor() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof CachingJwtDecoder)
                        ? new CachingJwtDecoder(decoder, MAX_TOKENS, Clock.systemUTC()) : bean;
            }
        };
    }
}
