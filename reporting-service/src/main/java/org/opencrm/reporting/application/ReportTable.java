package org.opencrm.reporting.application;

import java.util.List;

/**
 * A fixed report as a table for an export: a title, the period in words, the header and rows (already text), and
 * the bars of its chart (one label and value each).
 */
public record ReportTable(String name, String title, String period, List<String> header, List<List<String>> rows,
        List<Bar> bars) {

    public record Bar(String label, double value) {
    }
}
