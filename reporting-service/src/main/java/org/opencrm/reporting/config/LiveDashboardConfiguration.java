package org.opencrm.reporting.config;

import java.sql.DriverManager;
import java.util.Properties;

import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.reporting.application.ChangeBroadcast;
import org.opencrm.reporting.application.ChangeListener;
import org.opencrm.reporting.application.DedicatedConnection;
import org.opencrm.reporting.application.ReadModelChanges;
import org.opencrm.reporting.events.in.ChangeReportingHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every event handler tells the kept dashboard figures and the open dashboards what it changed: this instance's after
 * its transaction committed, the other instances' through a notification sent in that transaction.
 */
@Configuration(proxyBeanMethods = false)
class LiveDashboardConfiguration {

    @Bean
    static BeanPostProcessor changeReportingHandlers(ObjectProvider<ReadModelChanges> changes) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof InboundEventHandler<?> handler && !(bean instanceof ChangeReportingHandler)) {
                    return wrap(handler, changes);
                }
                return bean;
            }
        };
    }

    private static <P> InboundEventHandler<P> wrap(InboundEventHandler<P> handler,
            ObjectProvider<ReadModelChanges> changes) {
        return new ChangeReportingHandler<>(handler, datasets -> changes.getObject().broadcast(datasets),
                datasets -> changes.getObject().changed(datasets));
    }

    @Bean
    ChangeListener changeListener(JdbcConnectionDetails database, ChangeBroadcast broadcast, ReadModelChanges changes,
            ReportingProperties properties) {
        return new ChangeListener(dedicatedConnections(database), broadcast, changes,
                properties.changeListenerReconnect());
    }

    /** Plain connections with the pool's URL and credentials, without its statement timeout. */
    @Bean
    DedicatedConnection dedicatedConnections(JdbcConnectionDetails database) {
        return purpose -> {
            Properties settings = new Properties();
            settings.setProperty("user", database.getUsername());
            settings.setProperty("password", database.getPassword());
            settings.setProperty("ApplicationName", purpose);
            settings.setProperty("tcpKeepAlive", "true");
            return DriverManager.getConnection(database.getJdbcUrl(), settings);
        };
    }
}
