package org.opencrm.reporting.api;

import org.opencrm.reporting.application.ReadModelRebuild;
import org.opencrm.reporting.application.RebuildStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Admins rebuild the read models from the topics; the old ones answer until the switch. */
@RestController
@RequestMapping("/api/v1/reports/admin/rebuild")
@Tag(name = "reports")
class RebuildController {

    private final ReadModelRebuild rebuild;

    RebuildController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    @Operation(summary = "Starts rebuilding the read models from the topics (409 while one runs)")
    ResponseEntity<RebuildStatus> start() {
        return ResponseEntity.accepted().body(rebuild.start());
    }

    @GetMapping
    @Operation(summary = "Where the last rebuild stands: state, per-partition progress, events applied")
    RebuildStatus status() {
        return rebuild.status();
    }
}
