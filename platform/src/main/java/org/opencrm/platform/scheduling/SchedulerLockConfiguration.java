package org.opencrm.platform.scheduling;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ShedLock for every service: a {@code @Scheduled} method also annotated {@code @SchedulerLock(name = ...)} runs on
 * one instance at a time, whichever instances are up. The locks live in the service's own database (table
 * {@code shedlock}, platform migration {@code V0_4}), with the database's clock, so instances with skewed clocks
 * agree. {@code lockAtMostFor} bounds how long a crashed instance keeps a lock (default
 * {@code crm.scheduling.lock-at-most-for}, 10 minutes; set it per job above the job's longest run).
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBean(DataSource.class)
@EnableSchedulerLock(defaultLockAtMostFor = "${crm.scheduling.lock-at-most-for:10m}")
public class SchedulerLockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
