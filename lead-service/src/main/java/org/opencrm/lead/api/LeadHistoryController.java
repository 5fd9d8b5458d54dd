package org.opencrm.lead.api;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.opencrm.lead.application.LeadService;
import org.opencrm.platform.history.FieldChange;
import org.opencrm.platform.history.FieldHistoryReader;
import org.opencrm.platform.history.RecordHistory;
import org.opencrm.platform.web.PageResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/leads/{id}/history")
@Tag(name = "Leads")
class LeadHistoryController {

    private final RecordHistory history;

    LeadHistoryController(FieldHistoryReader reader, LeadService leads) {
        // by the same record-level rule as the lead: a sales user's history of another's lead does not exist for them
        this.history = new RecordHistory(reader, LeadService.AGGREGATE, leads::get);
    }

    @GetMapping
    @Operation(summary = "The lead's field history, newest first: who (user, partner client or system) changed its "
            + "status, lost reason, assignee, value, currency, title or source from what to what, when, and the "
            + "request's trace id; also its creation and deletion (field 'created', 'deleted'). Sales see the "
            + "history of their own leads only (404 otherwise)")
    PageResponse<FieldChange> history(@PathVariable UUID id,
            @RequestParam(required = false) @Parameter(description = "nextCursor of the previous page") String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return history.page(id, cursor, size);
    }
}
