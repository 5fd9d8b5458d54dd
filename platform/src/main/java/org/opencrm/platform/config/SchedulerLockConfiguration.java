package org.opencrm.platform.config;

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
 * ShedLock for every service: a {@code @Scheduled} method also annotated with {@code @SchedulerLock(name = ...)} runs
 * on one instance at a time, the lock held in the service's own {@code shedlock} table (platform migration
 * {@code V0_4__shedlock.sql}). Lock times come from the database clock, so instances with skewed clocks agree. A lock
 * only keeps instances from running a job together: a job that must act once per row still marks the rows it did in
 * the same transaction (a crashed holder's lock expires after {@code lockAtMostFor}, and the next run starts over).
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBean(DataSource.class)
@EnableSchedulerLock(defaultLockAtMostFor = "PT5M")
public class SchedulerLockConfiguration {

    /** The table every service's Flyway creates from the platform's migrations. */
    public static final String TABLE = "shedlock";

    @Bean
    @ConditionalOnMissingBean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
            .withJdbcTemplate(new JdbcTemplate(dataSource))
            .withTableName(TABLE)
            .usingDbTime()
            .build());
    }
}
