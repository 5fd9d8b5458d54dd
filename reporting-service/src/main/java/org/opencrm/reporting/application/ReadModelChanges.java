package org.opencrm.reporting.application;

import java.util.Collection;

import org.springframework.stereotype.Component;

/**
 * Where a committed change of the read models (an event applied, a rebuild switched in) is told, with the datasets it
 * changed: first the kept figures are dropped, so that the push to open dashboards that follows counts afresh.
 */
@Component
public class ReadModelChanges {

    private final DashboardFiguresCache figures;
    private final LiveDashboards dashboards;

    public ReadModelChanges(DashboardFiguresCache figures, LiveDashboards dashboards) {
        this.figures = figures;
        this.dashboards = dashboards;
    }

    public void changed(Collection<String> datasets) {
        figures.changed(datasets);
        dashboards.changed(datasets);
    }
}
