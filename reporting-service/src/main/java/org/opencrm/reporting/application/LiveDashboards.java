package org.opencrm.reporting.application;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.opencrm.reporting.config.ReportingProperties;
import org.opencrm.reporting.domain.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open dashboards' server-sent events. A change of the read models is pushed at once when none was pushed within
 * {@code crm.reports.stream-push-interval}; changes that follow sooner are gathered and pushed together when that
 * interval has passed (a burst costs one push per interval, a lone change waits for none). Each distinct viewer's
 * dashboard is computed once per push, and only when a dataset of the headline figures changed; a stream gets
 * {@code dashboard} only when its figures differ from what it last got, and {@code changed} with the datasets, so the
 * browser re-runs the widgets that read them.
 * <p>
 * On {@code /actuator/prometheus}: {@code crm_reports_stream_push_delay_seconds} from a change's commit until every
 * stream was written, and {@code crm_reports_stream_dashboard_seconds} per dashboard computed for a push (their
 * percentiles: {@code management.metrics.distribution.*} for {@code crm.reports.stream}).
 * <p>
 * When the application stops, its streams end before the web server's graceful shutdown, which would otherwise wait
 * for them until its timeout: the browsers reconnect at once, through the gateway to an instance that runs.
 */
@Service
public class LiveDashboards implements SmartLifecycle, DisposableBean {

    /** The datasets the headline figures count; activities alone change no figure. */
    private static final Set<String> DASHBOARD_DATASETS = Set.of("customers", "leads", "payments", "follow-ups");

    private static final Logger log = LoggerFactory.getLogger(LiveDashboards.class);

    private final ReportService reports;
    private final ReportingProperties properties;
    private final Map<SseEmitter, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean pushScheduled = new AtomicBoolean();
    /** When the oldest change not pushed yet came; 0: none waits. */
    private final AtomicLong pendingSinceNanos = new AtomicLong();
    private final Timer pushDelay;
    private final Timer dashboardComputation;
    private final long pushIntervalNanos;
    private volatile long lastPushNanos = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
    // from the start: the web server and the registration in discovery start before this bean's start() is called
    private volatile boolean running = true;
    // increasing across restarts too, so a browser's Last-Event-ID never looks newer than what follows
    private final AtomicLong ids = new AtomicLong(System.currentTimeMillis() * 1000);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-dashboards");
        thread.setDaemon(true);
        return thread;
    });

    public LiveDashboards(ReportService reports, ReportingProperties properties, MeterRegistry meters) {
        this.reports = reports;
        this.pushDelay = Timer.builder("crm.reports.stream.push.delay")
            .description("from a read-model change's commit until every open dashboard stream was written")
            .register(meters);
        this.dashboardComputation = Timer.builder("crm.reports.stream.dashboard")
            .description("one viewer's dashboard computed for a push")
            .register(meters);
        this.properties = properties;
        this.pushIntervalNanos = properties.streamPushInterval().toNanos();
        long heartbeat = properties.streamHeartbeat().toMillis();
        scheduler.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
    }

    /** A stream's viewer and the figures it last got. */
    private static final class Subscription {

        private final Viewer viewer;
        private Reports.Dashboard last;

        Subscription(Viewer viewer) {
            this.viewer = viewer;
        }
    }

    /**
     * A new stream for {@code viewer}: its current dashboard at once (also after a reconnect with
     * {@code Last-Event-ID}: what it missed is the current state), then the changes.
     */
    public SseEmitter subscribe(Viewer viewer) {
        return subscribe(viewer, new SseEmitter(properties.streamTimeout().toMillis()));
    }

    SseEmitter subscribe(Viewer viewer, SseEmitter emitter) {
        if (!running) {
            // stopping: the browser reconnects, to an instance that runs
            emitter.complete();
            return emitter;
        }
        Subscription subscription = new Subscription(viewer);
        emitter.onCompletion(() -> subscriptions.remove(emitter));
        emitter.onTimeout(emitter::complete);
        emitter.onError(error -> subscriptions.remove(emitter));
        Reports.Dashboard dashboard = reports.dashboardOf(viewer);
        synchronized (subscription) {
            subscriptions.put(emitter, subscription);
            send(emitter, subscription, dashboard, null);
        }
        if (!running) {
            // stopped meanwhile, after its streams were ended
            end(emitter);
        }
        return emitter;
    }

    /** Called after a read model's transaction committed. */
    public void changed(Collection<String> datasets) {
        pendingSinceNanos.compareAndSet(0, System.nanoTime());
        pending.addAll(datasets);
        if (pushScheduled.compareAndSet(false, true)) {
            long wait = Math.max(0, lastPushNanos + pushIntervalNanos - System.nanoTime());
            try {
                scheduler.schedule(this::pushSafely, wait, TimeUnit.NANOSECONDS);
            }
            catch (RejectedExecutionException ex) {
                // shutting down: nothing more is pushed
                pushScheduled.set(false);
            }
        }
    }

    int open() {
        return subscriptions.size();
    }

    private void pushSafely() {
        lastPushNanos = System.nanoTime();
        // a change from now on schedules the next push (what it adds may be pushed by this one already)
        pushScheduled.set(false);
        try {
            push();
        }
        catch (RuntimeException ex) {
            log.warn("live dashboards: push failed, retried with the next change", ex);
        }
    }

    private void push() {
        if (pending.isEmpty()) {
            return;
        }
        long since = pendingSinceNanos.getAndSet(0);
        Set<String> datasets = new TreeSet<>();
        for (String dataset : List.copyOf(pending)) {
            pending.remove(dataset);
            datasets.add(dataset);
        }
        if (subscriptions.isEmpty()) {
            return;
        }
        boolean figuresMayDiffer = datasets.stream().anyMatch(DASHBOARD_DATASETS::contains);
        Map<Optional<String>, Reports.Dashboard> dashboards = new HashMap<>();
        Map<String, List<String>> changed = Map.of("datasets", List.copyOf(datasets));
        subscriptions.forEach((emitter, subscription) -> {
            Reports.Dashboard dashboard = figuresMayDiffer ? dashboards.computeIfAbsent(
                    subscription.viewer.ownerOnly(), owner -> dashboardComputation.record(
                            () -> reports.dashboardOf(subscription.viewer))) : null;
            synchronized (subscription) {
                send(emitter, subscription, dashboard, changed);
            }
        });
        if (since != 0) {
            pushDelay.record(System.nanoTime() - since, TimeUnit.NANOSECONDS);
        }
    }

    private void send(SseEmitter emitter, Subscription subscription, Reports.Dashboard dashboard,
            Map<String, List<String>> changed) {
        try {
            if (dashboard != null && !sameFigures(subscription.last, dashboard)) {
                emitter.send(SseEmitter.event().id(Long.toString(ids.incrementAndGet())).name("dashboard")
                    .reconnectTime(properties.streamReconnect().toMillis()).data(dashboard, MediaType.APPLICATION_JSON));
                subscription.last = dashboard;
            }
            if (changed != null) {
                emitter.send(SseEmitter.event().id(Long.toString(ids.incrementAndGet())).name("changed")
                    .data(changed, MediaType.APPLICATION_JSON));
            }
        }
        catch (IOException | IllegalStateException ex) {
            forget(emitter, ex);
        }
    }

    /**
     * The browser went away: the stream is forgotten and ended. The container may have ended it first (it refuses to
     * complete a stream after its own error callback): that must not keep this push from the other streams.
     */
    private void forget(SseEmitter emitter, Exception cause) {
        subscriptions.remove(emitter);
        try {
            emitter.completeWithError(cause);
        }
        catch (IllegalStateException endedAlready) {
            log.debug("live dashboards: a stream was ended by its container already", endedAlready);
        }
    }

    private void heartbeat() {
        subscriptions.forEach((emitter, subscription) -> {
            synchronized (subscription) {
                try {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                }
                catch (IOException | IllegalStateException ex) {
                    forget(emitter, ex);
                }
            }
        });
    }

    private static boolean sameFigures(Reports.Dashboard a, Reports.Dashboard b) {
        return a != null && a.customers() == b.customers() && a.newCustomers() == b.newCustomers()
                && a.openLeads() == b.openLeads() && a.pipelineValue().equals(b.pipelineValue())
                && a.revenue().equals(b.revenue()) && a.wonLeads() == b.wonLeads() && a.lostLeads() == b.lostLeads()
                && a.followUpsDue() == b.followUpsDue() && a.from().equals(b.from()) && a.to().equals(b.to());
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every open stream; a stream asked for from now on ends at once. */
    @Override
    public void stop() {
        running = false;
        subscriptions.keySet().forEach(this::end);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void end(SseEmitter emitter) {
        subscriptions.remove(emitter);
        try {
            emitter.complete();
        }
        catch (IllegalStateException endedAlready) {
            log.debug("live dashboards: a stream was ended by its container already", endedAlready);
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
