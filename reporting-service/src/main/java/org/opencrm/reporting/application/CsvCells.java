package org.opencrm.reporting.application;

/**
 * Neutralises cells a spreadsheet would run as a formula (CSV injection, OWASP): a leading =, +, -, @, tab or CR
 * gets an apostrophe before it, so the cell shows as the text it is.
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String safe(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
