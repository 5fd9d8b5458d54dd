package org.opencrm.reporting.config;

import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.reporting.application.ReadModelChanges;
import org.opencrm.reporting.events.in.ChangeReportingHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every event handler tells the kept dashboard figures and the open dashboards what it changed, after its transaction
 * committed.
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
        return new ChangeReportingHandler<>(handler, datasets -> changes.getObject().changed(datasets));
    }
}
