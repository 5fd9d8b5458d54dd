package org.opencrm.lead.api;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.opencrm.lead.application.CreatedLeadNote;
import org.opencrm.lead.application.LeadNoteService;
import org.opencrm.lead.domain.LeadNoteSearch;
import org.opencrm.platform.web.PageResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/leads/{leadId}/notes")
@Tag(name = "Lead notes", description = "Rich-text notes on a lead, sanitised on write (OWASP Java HTML Sanitizer). "
        + "Whoever reads the lead reads them (a sales user: the leads assigned to them); the author changes their own "
        + "notes, managers and admins any")
public class LeadNoteController {

    private final LeadNoteService notes;

    public LeadNoteController(LeadNoteService notes) {
        this.notes = notes;
    }

    @GetMapping
    @Operation(summary = "List a lead's notes, newest first")
    public PageResponse<LeadNoteResponse> list(@PathVariable UUID leadId,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageResponse.of(notes.list(leadId, LeadNoteSearch.decodeCursor(leadId, cursor), size), size,
                LeadNoteSearch::cursorAfter, LeadNoteResponse::of);
    }

    @GetMapping("/{noteId}")
    @Operation(summary = "Read one note")
    public LeadNoteResponse get(@PathVariable UUID leadId, @PathVariable UUID noteId) {
        return LeadNoteResponse.of(notes.get(leadId, noteId));
    }

    @PostMapping
    @Operation(summary = "Add a note; its body is sanitised before it is stored (422 when nothing readable is left or "
            + "it is over 100 KB). Send an Idempotency-Key to make retries safe")
    public ResponseEntity<LeadNoteResponse> add(@PathVariable UUID leadId, @Valid @RequestBody LeadNoteRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        CreatedLeadNote created = notes.add(leadId, request.body(), idempotencyKey);
        LeadNoteResponse body = LeadNoteResponse.of(created.note());
        return ResponseEntity.created(URI.create("/api/v1/leads/" + leadId + "/notes/" + body.id()))
            .header("Idempotent-Replayed", String.valueOf(created.replayed()))
            .body(body);
    }

    @PutMapping("/{noteId}")
    @Operation(summary = "Rewrite a note (its author, a manager or an admin); 409 when the given version is no longer "
            + "the current one")
    public LeadNoteResponse update(@PathVariable UUID leadId, @PathVariable UUID noteId,
            @Valid @RequestBody LeadNoteUpdateRequest request) {
        return LeadNoteResponse.of(notes.update(leadId, noteId, request.version(), request.body()));
    }

    @DeleteMapping("/{noteId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a note (its author, a manager or an admin)")
    public void delete(@PathVariable UUID leadId, @PathVariable UUID noteId) {
        notes.delete(leadId, noteId);
    }
}
