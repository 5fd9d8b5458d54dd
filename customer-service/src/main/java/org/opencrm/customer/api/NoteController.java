package org.opencrm.customer.api;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.opencrm.customer.application.CreatedNote;
import org.opencrm.customer.application.NoteService;
import org.opencrm.customer.domain.NoteSearch;
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
@RequestMapping("/api/v1/customers/{customerId}/notes")
@Tag(name = "Customer notes", description = "Rich-text notes on a customer, sanitised on write (OWASP Java HTML "
        + "Sanitizer). Everyone who reads customers reads them; the author changes their own notes, managers and "
        + "admins any; a sales user adds notes to the customers they own")
public class NoteController {

    private final NoteService notes;

    public NoteController(NoteService notes) {
        this.notes = notes;
    }

    @GetMapping
    @Operation(summary = "List a customer's notes, newest first")
    public PageResponse<NoteResponse> list(@PathVariable UUID customerId,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageResponse.of(notes.list(customerId, NoteSearch.decodeCursor(customerId, cursor), size), size,
                NoteSearch::cursorAfter, NoteResponse::of);
    }

    @GetMapping("/{noteId}")
    @Operation(summary = "Read one note")
    public NoteResponse get(@PathVariable UUID customerId, @PathVariable UUID noteId) {
        return NoteResponse.of(notes.get(customerId, noteId));
    }

    @PostMapping
    @Operation(summary = "Add a note; its body is sanitised before it is stored (422 when nothing readable is left or "
            + "it is over 100 KB). Send an Idempotency-Key to make retries safe")
    public ResponseEntity<NoteResponse> add(@PathVariable UUID customerId, @Valid @RequestBody NoteRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        CreatedNote created = notes.add(customerId, request.body(), idempotencyKey);
        NoteResponse body = NoteResponse.of(created.note());
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId + "/notes/" + body.id()))
            .header("Idempotent-Replayed", String.valueOf(created.replayed()))
            .body(body);
    }

    @PutMapping("/{noteId}")
    @Operation(summary = "Rewrite a note (its author, a manager or an admin); 409 when the given version is no longer "
            + "the current one")
    public NoteResponse update(@PathVariable UUID customerId, @PathVariable UUID noteId,
            @Valid @RequestBody NoteUpdateRequest request) {
        return NoteResponse.of(notes.update(customerId, noteId, request.version(), request.body()));
    }

    @DeleteMapping("/{noteId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a note (its author, a manager or an admin)")
    public void delete(@PathVariable UUID customerId, @PathVariable UUID noteId) {
        notes.delete(customerId, noteId);
    }
}
