package org.opencrm.reporting.application;

import java.util.Collection;

import org.springframework.stereotype.Component;

/**
 * Where a change of the read models (an event applied, a rebuild switched in) is told, with the datasets it changed:
 * inside its transaction to the other instances ({@link ChangeBroadcast}), and once committed, by this instance and by
 * every other one that heard of it ({@link ChangeListener}), first to the kept figures, which are dropped, so that
 * the push to open dashboards that follows counts afresh.
 */
@Component
public class ReadModelChanges {

    private final DashboardFiguresCache figures;
    private final LiveDashboards dashboards;
    private final ChangeBroadcast broadcast;

    public ReadModelChanges(DashboardFiguresCache figures, LiveDashboards dashboards, ChangeBroadcast broadcast) {
        this.figures = figures;
        this.dashboards = dashboards;
        this.broadcast = broadcast;
    }

    /** Inside the change's transaction: the other instances hear of it when it commits. */
    public void broadcast(Collection<String> datasets) {
        broadcast.send(datasets);
    }

    /** After the change committed. */
    public void changed(Collection<String> datasets) {
        figures.changed(datasets);
        dashboards.changed(datasets);
    }
}
