package org.opencrm.gateway.session;

import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;

@Configuration(proxyBeanMethods = false)
class QuietSessionConfiguration {

    /**
     * Wraps Boot's Redis session repository (a bean of our own would switch Boot's session auto-configuration off), so
     * that Spring Session's WebSessionManager writes a session only when it changed.
     */
    @Bean
    static BeanPostProcessor quietSessionRepositoryPostProcessor(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof ReactiveRedisSessionRepository redis)) {
                    return bean;
                }
                Duration resolution = environment.getProperty("crm.gateway.session.access-time-resolution",
                        Duration.class, Duration.ofSeconds(60));
                return QuietSessionRepository.wrapping(redis, resolution);
            }
        };
    }
}
