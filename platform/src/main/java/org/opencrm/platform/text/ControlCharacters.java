package org.opencrm.platform.text;

/**
 * Text no CRM field should hold: C0 control characters other than tab, line feed and carriage return, DEL, and
 * unpaired UTF-16 surrogates. PostgreSQL refuses NUL outright, the others break exports, logs and terminals.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    public static boolean contains(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c == 0x7f) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return true;
            }
            if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
