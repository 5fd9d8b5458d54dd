package org.opencrm.customer.api;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;

import org.opencrm.customer.application.CustomerImport;
import org.opencrm.customer.application.CustomerService;
import org.opencrm.customer.domain.CustomerFilter;
import org.opencrm.platform.csv.SafeCsvWriter;
import org.opencrm.platform.web.Attachments;
import org.opencrm.platform.web.InvalidFieldException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Customers in and out as CSV files, in the same columns: what an export writes, an import reads back. */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers")
class CustomerTransferController {

    /** An export of a million customers takes seconds; the pool's statement timeout is for interactive reads. */
    private static final Duration EXPORT_TIMEOUT = Duration.ofMinutes(2);

    private final CustomerService customers;
    private final CustomerImport imports;
    private final CustomerCsvReader reader;
    private final Clock clock;

    CustomerTransferController(CustomerService customers, CustomerImport imports, CustomerCsvReader reader,
            Clock clock) {
        this.customers = customers;
        this.imports = imports;
        this.reader = reader;
        this.clock = clock;
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import customers from a CSV file (multipart part 'file', up to " + CustomerCsvReader.MAX_ROWS
            + " rows): a header row naming the columns (Name and Email required; Phone, Company, Tags, Owner "
            + "optional), then a customer per row. A row whose email a customer already has is skipped, so a repeat "
            + "creates nothing twice, or with existing=update updates that customer: its filled cells replace the "
            + "customer's fields, empty ones keep them. Invalid rows are reported by row number and not imported. "
            + "dryRun=true checks the file without changing anything. Sales import and update customers they own. "
            + "422 for a file without the columns")
    public CustomerImportResponse importFile(@RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "skip")
            @Parameter(schema = @Schema(allowableValues = { "skip", "update" })) String existing) throws IOException {
        CustomerImport.Existing whenKnown = existingOf(existing);
        CustomerCsvReader.ParsedFile parsed = reader.read(file.getBytes());
        return CustomerImportResponse.of(dryRun, parsed, imports.run(parsed.valid(), whenKnown, dryRun));
    }

    private static CustomerImport.Existing existingOf(String existing) {
        return switch (existing) {
            case "skip" -> CustomerImport.Existing.SKIP;
            case "update" -> CustomerImport.Existing.UPDATE;
            default -> throw new InvalidFieldException(HttpStatus.BAD_REQUEST, "existing", "must be skip or update");
        };
    }

    @GetMapping("/export")
    @Operation(summary = "Every customer the list's filters match, as CSV in the list's order, in the columns an "
            + "import reads (Name, Email, Phone, Company, Tags, Owner) and Created, Id; cells a spreadsheet would "
            + "run as a formula start with an apostrophe")
    public void export(@RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) @Size(max = CustomerRequest.MAX_TAG_LENGTH) String tag,
            @RequestParam(required = false) @Size(max = 255) String owner,
            @RequestParam(defaultValue = "created")
            @Parameter(schema = @Schema(allowableValues = { "created", "name" })) String sort,
            @RequestParam(defaultValue = "csv") @Parameter(schema = @Schema(allowableValues = "csv")) String format,
            HttpServletResponse response) throws IOException {
        var order = CustomerController.sortOf(sort);
        if (!"csv".equals(format)) {
            throw new InvalidFieldException(HttpStatus.BAD_REQUEST, "format", "must be csv");
        }
        Attachments.prepare(response, "text/csv;charset=UTF-8", "customers-" + LocalDate.now(clock) + ".csv");
        try (SafeCsvWriter csv = SafeCsvWriter.to(response.getOutputStream())) {
            csv.row(CustomerColumn.NAME.header, CustomerColumn.EMAIL.header, CustomerColumn.PHONE.header,
                    CustomerColumn.COMPANY.header, CustomerColumn.TAGS.header, CustomerColumn.OWNER.header, "Created",
                    "Id");
            customers.export(new CustomerFilter(q, tag, owner), order, EXPORT_TIMEOUT,
                    row -> csv.row(row.name(), row.email(), row.phone(), row.company(), String.join("; ", row.tags()),
                            row.ownerName(), row.createdAt(), row.id()));
        }
    }
}
