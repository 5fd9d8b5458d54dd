package org.opencrm.reporting.api;

import org.opencrm.reporting.application.LiveDashboards;
import org.opencrm.reporting.application.ReportService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The open dashboard's live figures as server-sent events, counted with the caller's record-level rule. */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "reports")
class StreamController {

    private final LiveDashboards dashboards;
    private final ReportService reports;

    StreamController(LiveDashboards dashboards, ReportService reports) {
        this.dashboards = dashboards;
        this.reports = reports;
    }

    /**
     * {@code Last-Event-ID} is accepted and needs no replay: a reconnecting browser gets the current figures at once,
     * which is all it missed.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events: dashboard (the caller's headline figures when they change) and "
            + "changed ({datasets}: re-run the widgets reading them)")
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return dashboards.subscribe(reports.viewer());
    }
}
