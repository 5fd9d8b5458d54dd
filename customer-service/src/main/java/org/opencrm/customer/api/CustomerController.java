package org.opencrm.customer.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.opencrm.customer.application.CreatedCustomer;
import org.opencrm.customer.application.CustomerCount;
import org.opencrm.customer.application.CustomerPurge;
import org.opencrm.customer.application.CustomerService;
import org.opencrm.customer.domain.CustomerFilter;
import org.opencrm.customer.domain.CustomerSort;
import org.opencrm.customer.domain.DeletedCustomerRow;
import org.opencrm.platform.web.PageResponse;
import org.opencrm.platform.web.SearchTexts;
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
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers")
public class CustomerController {

    private final CustomerService customers;

    private final CustomerPurge purge;

    public CustomerController(CustomerService customers, CustomerPurge purge) {
        this.customers = customers;
        this.purge = purge;
    }

    @GetMapping
    @Operation(summary = "List customers, newest first or by name, optionally filtered by a search text of at least 3 "
            + "characters (name, email, phone or company), a tag and an owner ('me' is the caller)")
    public PageResponse<CustomerResponse> list(@RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) @Size(max = CustomerRequest.MAX_TAG_LENGTH) String tag,
            @RequestParam(required = false) @Size(max = 255) String owner,
            @RequestParam(defaultValue = "created")
            @Parameter(schema = @Schema(allowableValues = { "created", "name" })) String sort,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        CustomerSort order = sortOf(sort);
        CustomerFilter filter = new CustomerFilter(SearchTexts.require(q), tag, owner);
        return PageResponse.of(customers.list(filter, order, order.decodeCursor(cursor),
                size), size, order::cursorAfter, CustomerResponse::of);
    }

    @GetMapping("/count")
    @Operation(summary = "How many customers the list's search and filters match (q, tag and owner as for the list): "
            + "exact up to 10,000; beyond, 10,000 and capped")
    public CustomerCount count(@RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) @Size(max = CustomerRequest.MAX_TAG_LENGTH) String tag,
            @RequestParam(required = false) @Size(max = 255) String owner) {
        return customers.count(new CustomerFilter(SearchTexts.require(q), tag, owner));
    }

    @GetMapping("/owners")
    @Operation(summary = "The users customers may be given to (active users of the directory), ordered by name")
    public List<OwnerResponse> owners() {
        return customers.owners().stream().map(OwnerResponse::of).toList();
    }

    @GetMapping("/deleted")
    @Operation(summary = "The deleted customers that can still be restored, most recently deleted first")
    public PageResponse<DeletedCustomerResponse> listDeleted(@RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return PageResponse.of(customers.listDeleted(DeletedCustomerRow.decodeCursor(cursor), size), size,
                DeletedCustomerRow::cursor, row -> DeletedCustomerResponse.of(row, purge.purgeAt(row.deletedAt())));
    }

    @GetMapping("/{id}")
    public CustomerResponse get(@PathVariable UUID id) {
        return CustomerResponse.of(customers.get(id));
    }

    @PostMapping
    @Operation(summary = "Create a customer owned by the caller; its email must not belong to another customer. Send "
            + "an Idempotency-Key to make retries safe: a repeat returns the first result with Idempotent-Replayed: true")
    public ResponseEntity<CustomerResponse> create(@Valid @RequestBody CustomerRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        CreatedCustomer created = customers.create(request.details(), idempotencyKey);
        CustomerResponse body = CustomerResponse.of(created.customer());
        return ResponseEntity.created(URI.create("/api/v1/customers/" + body.id()))
            .header("Idempotent-Replayed", String.valueOf(created.replayed()))
            .body(body);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update a customer; 409 when the given version is no longer the current one; a sales user "
            + "updates only the customers they own (another's: 403)")
    public CustomerResponse update(@PathVariable UUID id, @Valid @RequestBody CustomerUpdateRequest request) {
        return CustomerResponse.of(customers.update(id, request.version(), request.details()));
    }

    @PutMapping("/{id}/owner")
    @Operation(summary = "Give the customer to another owner, an active user (else 422 naming 'owner')")
    public CustomerResponse changeOwner(@PathVariable UUID id, @Valid @RequestBody OwnerRequest request) {
        return CustomerResponse.of(customers.changeOwner(id, request.owner()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a customer: it leaves lists and reads at once and can be restored until it is purged "
            + "(crm.customers.purge.after, 30 days)")
    public void delete(@PathVariable UUID id) {
        customers.delete(id);
    }

    @PostMapping("/{id}/restore")
    @Operation(summary = "Restore a deleted customer; 404 when it is not deleted (or purged), 409 when a live "
            + "customer has taken its email meanwhile")
    public CustomerResponse restore(@PathVariable UUID id) {
        return CustomerResponse.of(customers.restore(id));
    }

    static CustomerSort sortOf(String sort) {
        return switch (sort) {
            case "created" -> CustomerSort.CREATED;
            case "name" -> CustomerSort.NAME;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "sort must be 'created' or 'name'.");
        };
    }
}
