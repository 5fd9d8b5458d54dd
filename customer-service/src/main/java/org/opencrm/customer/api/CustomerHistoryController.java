package org.opencrm.customer.api;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.opencrm.customer.application.CustomerService;
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
@RequestMapping("/api/v1/customers/{id}/history")
@Tag(name = "Customers")
class CustomerHistoryController {

    private final RecordHistory history;

    CustomerHistoryController(FieldHistoryReader reader, CustomerService customers) {
        // whoever may read the customer may read its history
        this.history = new RecordHistory(reader, CustomerService.AGGREGATE, customers::get);
    }

    @GetMapping
    @Operation(summary = "The customer's field history, newest first: who (user, partner client or system) changed "
            + "which field from what to what, when, and the request's trace id; also its creation, deletion and "
            + "restoration (field 'created', 'deleted', 'restored'). 404 for a customer the caller cannot read")
    PageResponse<FieldChange> history(@PathVariable UUID id,
            @RequestParam(required = false) @Parameter(description = "nextCursor of the previous page") String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return history.page(id, cursor, size);
    }
}
