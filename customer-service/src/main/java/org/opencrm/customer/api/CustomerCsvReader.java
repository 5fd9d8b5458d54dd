package org.opencrm.customer.api;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.opencrm.customer.application.CustomerImport;
import org.opencrm.platform.csv.CsvCells;
import org.opencrm.platform.text.ControlCharacters;
import org.springframework.stereotype.Component;

/**
 * Reads a customer file as spreadsheets save it: CSV separated by commas, semicolons or tabs (whichever the header
 * line has most of), UTF-8 with or without a byte order mark, else Windows-1252 (Excel's "CSV" on Windows). Each row
 * is checked as a create's body is ({@link CustomerRequest}'s constraints); a row that fails is reported by its row
 * number, as the spreadsheet shows it, and not imported.
 */
@Component
class CustomerCsvReader {

    static final int MAX_ROWS = 10_000;

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** What was read: the rows fit to import, the problems of the others, the columns nobody reads. */
    record ParsedFile(String encoding, int rows, List<CustomerImport.Row> valid, List<CustomerImport.Problem> problems,
            List<String> ignoredColumns) {
    }

    private final Validator validator;

    CustomerCsvReader(Validator validator) {
        this.validator = validator;
    }

    ParsedFile read(byte[] bytes) {
        Optional<String> utf8 = utf8(bytes);
        String encoding = utf8.isPresent() ? "UTF-8" : "windows-1252";
        String text = utf8.orElseGet(() -> new String(bytes, WINDOWS_1252));
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new InvalidImportFileException("The file is empty: it needs a header row and a row per customer.");
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiterOf(text)).setIgnoreEmptyLines(false).get();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            var records = parser.iterator();
            Map<CustomerColumn, Integer> columns = new EnumMap<>(CustomerColumn.class);
            List<String> ignored = new ArrayList<>();
            readHeader(records.next(), columns, ignored);
            List<CustomerImport.Row> valid = new ArrayList<>();
            List<CustomerImport.Problem> problems = new ArrayList<>();
            int rows = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (isBlank(record)) {
                    continue;
                }
                if (++rows > MAX_ROWS) {
                    throw new InvalidImportFileException("The file has more than " + MAX_ROWS
                            + " customers: split it into files of at most " + MAX_ROWS + " rows.");
                }
                row((int) record.getRecordNumber(), record, columns, valid, problems);
            }
            if (rows == 0) {
                throw new InvalidImportFileException("The file has a header but no customers.");
            }
            return new ParsedFile(encoding, rows, valid, problems, ignored);
        }
        catch (UncheckedIOException | IOException ex) {
            // Commons CSV: a quote left open, or text after a closing quote (its message names the line)
            throw new InvalidImportFileException("The file is no valid CSV: " + (ex.getCause() == null
                    ? ex.getMessage() : ex.getCause().getMessage()));
        }
    }

    private static void readHeader(CSVRecord header, Map<CustomerColumn, Integer> columns, List<String> ignored) {
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            int index = i;
            CustomerColumn.named(name).ifPresentOrElse(column -> {
                if (columns.putIfAbsent(column, index) != null) {
                    throw new InvalidImportFileException("Two columns of the file are the customer's "
                            + column.header.toLowerCase(Locale.ROOT) + ": keep one.");
                }
            }, () -> {
                if (!name.isEmpty()) {
                    ignored.add(name);
                }
            });
        }
        for (CustomerColumn required : List.of(CustomerColumn.NAME, CustomerColumn.EMAIL)) {
            if (!columns.containsKey(required)) {
                throw new InvalidImportFileException("The file has no " + required.header.toLowerCase(Locale.ROOT)
                        + " column: its first row must name the columns, e.g. Name,Email,Phone,Company,Tags,Owner.");
            }
        }
    }

    private void row(int number, CSVRecord record, Map<CustomerColumn, Integer> columns,
            List<CustomerImport.Row> valid, List<CustomerImport.Problem> problems) {
        Map<CustomerColumn, String> cells = new EnumMap<>(CustomerColumn.class);
        boolean clean = true;
        for (Map.Entry<CustomerColumn, Integer> column : columns.entrySet()) {
            String cell = column.getValue() < record.size() ? CsvCells.plain(record.get(column.getValue()).strip()) : "";
            if (ControlCharacters.contains(cell)) {
                problems.add(new CustomerImport.Problem(number, field(column.getKey()),
                        "contains control characters"));
                clean = false;
            }
            cells.put(column.getKey(), cell.isEmpty() ? null : cell);
        }
        if (!clean) {
            return;
        }
        String tags = cells.get(CustomerColumn.TAGS);
        CustomerRequest request = new CustomerRequest(cells.get(CustomerColumn.NAME), cells.get(CustomerColumn.EMAIL),
                cells.get(CustomerColumn.PHONE), cells.get(CustomerColumn.COMPANY), tags == null ? List.of()
                        : Arrays.stream(tags.split(CustomerColumn.TAG_SEPARATORS)).map(String::strip)
                            .filter(tag -> !tag.isEmpty()).toList());
        var violations = validator.validate(request);
        if (violations.isEmpty()) {
            valid.add(new CustomerImport.Row(number, request.details(), cells.get(CustomerColumn.OWNER)));
            return;
        }
        violations.stream()
            .map(violation -> new CustomerImport.Problem(number, topField(violation), violation.getMessage()))
            .distinct()
            .sorted(Comparator.comparing(CustomerImport.Problem::field))
            .forEach(problems::add);
    }

    private static String field(CustomerColumn column) {
        return column.name().toLowerCase(Locale.ROOT);
    }

    /** {@code tags[2].<list element>} is the tags' problem. */
    private static String topField(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().iterator().next().getName();
    }

    private static boolean isBlank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString());
        }
        catch (CharacterCodingException ex) {
            return Optional.empty();
        }
    }

    /** The separator the header line has most of; a comma when it has none (a file of one column). */
    private static char delimiterOf(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long most = 0;
        for (char candidate : new char[] { ',', ';', '\t' }) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > most) {
                best = candidate;
                most = count;
            }
        }
        return best;
    }
}
