package org.opencrm.customer.api;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.media.Schema;

import org.opencrm.customer.application.CustomerImport;

/**
 * What an import did, or in a dry run would do, row by row.
 *
 * @param rows      the file's customer rows (blank rows aside)
 * @param accepted  the customers created (in a dry run: that would be)
 * @param updated   the customers the file changed (existing=update)
 * @param unchanged the customers the file names as they are (existing=update)
 * @param skipped   rows not imported because their email is an earlier row's, or (existing=skip) a customer's
 * @param errors    rows not imported because a field is invalid, by row and field
 */
record CustomerImportResponse(boolean dryRun, @Schema(example = "UTF-8") String encoding, int rows, int accepted,
        int updated, int unchanged, List<CustomerImport.Skipped> skipped, List<CustomerImport.Problem> errors,
        List<String> ignoredColumns) {

    static CustomerImportResponse of(boolean dryRun, CustomerCsvReader.ParsedFile file, CustomerImport.Result result) {
        List<CustomerImport.Problem> errors = Stream.concat(file.problems().stream(), result.problems().stream())
            .sorted(Comparator.comparingInt(CustomerImport.Problem::row))
            .toList();
        return new CustomerImportResponse(dryRun, file.encoding(), file.rows(), result.accepted(),
                result.updated(), result.unchanged(), result.skipped(), errors, file.ignoredColumns());
    }
}
