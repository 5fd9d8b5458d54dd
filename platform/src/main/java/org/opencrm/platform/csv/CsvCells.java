package org.opencrm.platform.csv;

/**
 * Neutralises cells a spreadsheet would run as a formula (CSV injection, OWASP): a leading =, +, -, @, tab or CR
 * gets an apostrophe before it, so the cell shows as the text it is. A negative number (a refund's {@code -100.00})
 * is no formula and stays a number a spreadsheet can add up. {@link #plain} undoes it for a file read back in.
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

    /**
     * The text a cell written by {@link #safe} stood for: the apostrophe before a formula's first character goes, so
     * a phone number exported as {@code '+44 20} imports as {@code +44 20}. Any other cell is read as it is.
     */
    public static String plain(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
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
