package org.opencrm.reporting.config;

import org.opencrm.platform.inbox.InboundEventHandler;
import org.opencrm.reporting.application.DashboardFiguresCache;
import org.opencrm.reporting.application.LiveDashboards;
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
    static BeanPostProcessor changeReportingHandlers(ObjectProvider<DashboardFiguresCache> figures,
            ObjectProvider<LiveDashboards> dashboards) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof InboundEventHandler<?> handler && !(bean instanceof ChangeReportingHandler)) {
                    return wrap(handler, figures, dashboards);
                }
                return bean;
            }
        };
    }

    private static <P> InboundEventHandler<P> wrap(InboundEventHandler<P> handler,
            ObjectProvider<DashboardFiguresCache> figures, ObjectProvider<LiveDashboards> dashboards) {
        return new ChangeReportingHandler<>(handler, datasets -> {
            // first the kept figures, so that the push that follows counts afresh
            figures.getObject().changed(datasets);
            dashboards.getObject().changed(datasets);
        });
    }
}
