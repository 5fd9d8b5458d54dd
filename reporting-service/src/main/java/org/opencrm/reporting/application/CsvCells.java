package org.opencrm.reporting.application;

/**
 * Neutralises cells a spreadsheet would run as a formula (CSV injection, OWASP): a leading =, +, -, @, tab or CR
 * gets an apostrophe before it, so the cell shows as the text it is. A negative number (a refund's {@code -100.00})
 * is no formula and stays a number a spreadsheet can add up.
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String safe(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNegativeNumber(text)) {
            return "'" + text;
        }
        return text;
    }

    /** {@code -} then digits, with at most one decimal point between digits: nothing a spreadsheet evaluates. */
    private static boolean isNegativeNumber(String text) {
        boolean digit = false;
        boolean point = false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            }
            else if (c == '.' && digit && !point && i < text.length() - 1) {
                point = true;
            }
            else {
                return false;
            }
        }
        return text.charAt(0) == '-' && digit;
    }
}
