package org.opencrm.gateway.session;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;

@Configuration(proxyBeanMethods = false)
class QuietSessionConfiguration {

    /** The one Spring Session's WebSessionManager uses: Boot's Redis repository, written only on change. */
    @Bean
    @Primary
    QuietSessionRepository<?> quietSessionRepository(ReactiveRedisSessionRepository redis,
            @Value("${crm.gateway.session.access-time-resolution:60s}") Duration resolution) {
        return QuietSessionRepository.wrapping(redis, resolution);
    }
}
