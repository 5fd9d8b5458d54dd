package org.opencrm.customer.api;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.media.Schema;

import org.opencrm.customer.application.CustomerImport;

/**
 * What an import did, or in a dry run would do, row by row.
 *
 * @param rows     the file's customer rows (blank rows aside)
 * @param accepted the customers created (in a dry run: that would be)
 * @param skipped  rows not imported because their email is a customer's already, or an earlier row's
 * @param errors   rows not imported because a field is invalid, by row and field
 */
record CustomerImportResponse(boolean dryRun, @Schema(example = "UTF-8") String encoding, int rows, int accepted,
        List<CustomerImport.Skipped> skipped, List<CustomerImport.Problem> errors, List<String> ignoredColumns) {

    static CustomerImportResponse of(boolean dryRun, CustomerCsvReader.ParsedFile file, CustomerImport.Result result) {
        List<CustomerImport.Problem> errors = Stream.concat(file.problems().stream(), result.problems().stream())
            .sorted(Comparator.comparingInt(CustomerImport.Problem::row))
            .toList();
        return new CustomerImportResponse(dryRun, file.encoding(), file.rows(), result.accepted(), result.skipped(),
                errors, file.ignoredColumns());
    }
}
