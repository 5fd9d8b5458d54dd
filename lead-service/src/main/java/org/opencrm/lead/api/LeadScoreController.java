package org.opencrm.lead.api;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opencrm.lead.application.LeadScoring;
import org.opencrm.lead.application.ScoreDetails;
import org.opencrm.lead.application.ScoreHistoryEntry;
import org.opencrm.platform.web.ResourceNotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/leads/{id}/score")
@Tag(name = "Lead scores")
class LeadScoreController {

    /** More than a lead collects in years of daily changes; the newest count. */
    private static final int HISTORY_LIMIT = 500;

    private final LeadScoring scoring;

    LeadScoreController(LeadScoring scoring) {
        this.scoring = scoring;
    }

    @GetMapping
    @Operation(summary = "The lead's score with each factor's points and reason; score null (and pending true) until "
            + "it is first computed, seconds after the lead's creation")
    ScoreDetails score(@PathVariable UUID id) {
        return scoring.current(id).orElseThrow(() -> new ResourceNotFoundException("Score of lead", id));
    }

    @GetMapping("/history")
    @Operation(summary = "The lead's scores, newest first")
    List<ScoreHistoryEntry> history(@PathVariable UUID id) {
        return scoring.history(id, HISTORY_LIMIT);
    }
}
