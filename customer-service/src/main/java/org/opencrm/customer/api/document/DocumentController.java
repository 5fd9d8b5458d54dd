package org.opencrm.customer.api.document;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.opencrm.customer.application.document.DocumentDownload;
import org.opencrm.customer.application.document.DocumentService;
import org.opencrm.customer.application.document.IncomingDocument;
import org.opencrm.customer.domain.document.DocumentRow;
import org.opencrm.platform.paging.PageCursor;
import org.opencrm.platform.web.PageResponse;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/customers/{customerId}/documents")
@Tag(name = "Customer documents")
public class DocumentController {

    private final DocumentService documents;

    public DocumentController(DocumentService documents) {
        this.documents = documents;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a document (multipart part 'file'). Its type is detected from its bytes: 415 for types "
            + "that are not accepted, 413 above the size limit (20 MB by default), 409 for a file the customer has "
            + "already; sales attach to customers they own")
    public ResponseEntity<DocumentResponse> attach(@PathVariable UUID customerId,
            @RequestPart("file") MultipartFile file) {
        DocumentRow document = documents.attach(customerId,
                new IncomingDocument(file.getOriginalFilename(), file.getSize(), file::getInputStream));
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId + "/documents/" + document.id()))
            .body(DocumentResponse.of(document));
    }

    @GetMapping
    @Operation(summary = "The customer's documents, newest first")
    public PageResponse<DocumentResponse> list(@PathVariable UUID customerId,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return PageResponse.of(documents.list(customerId, PageCursor.decode(cursor, listOf(customerId)), size), size,
                document -> new PageCursor(listOf(customerId), document.uploadedAt().toString(), document.id()),
                DocumentResponse::of);
    }

    @GetMapping("/{documentId}/content")
    @Operation(summary = "Download a document: its bytes, streamed, as an attachment with its detected type")
    public ResponseEntity<Resource> download(@PathVariable UUID customerId, @PathVariable UUID documentId) {
        DocumentDownload download = documents.download(customerId, documentId);
        DocumentRow document = download.document();
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(document.contentType()))
            .contentLength(document.size())
            .header(HttpHeaders.CONTENT_DISPOSITION, AttachmentDisposition.of(document.filename()))
            // never rendered by a browser as part of the CRM's origin, whatever the bytes are
            .header("X-Content-Type-Options", "nosniff")
            .header("Content-Security-Policy", "default-src 'none'; sandbox")
            .cacheControl(CacheControl.noStore().cachePrivate())
            // the converter streams it and closes it; the exact class keeps it from probing the stream's length
            .body(new InputStreamResource(download.content()));
    }

    @DeleteMapping("/{documentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a document; sales remove documents of customers they own")
    public void remove(@PathVariable UUID customerId, @PathVariable UUID documentId) {
        documents.remove(customerId, documentId);
    }

    private static String listOf(UUID customerId) {
        return "documents.customer." + customerId;
    }

}
