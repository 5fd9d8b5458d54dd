package org.opencrm.platform.security;

import java.util.function.Predicate;

/**
 * The characters {@link org.springframework.security.web.firewall.StrictHttpFirewall} allows in header names and
 * values by default (assigned code points, no control characters; a tab too in values), checked without its regular
 * expressions: those walked every character of a relayed token (~1.5 KB) on each read of the header, 7 % of a list
 * request's CPU in a profile. Printable ASCII, nearly every character a header carries, is decided at once.
 */
final class HeaderCharacters {

    /** Same as the firewall's {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}. */
    static final Predicate<String> NAME = value -> allowed(value, false);

    /** Same as the firewall's {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}. */
    static final Predicate<String> VALUE = value -> allowed(value, true);

    private HeaderCharacters() {
    }

    private static boolean allowed(String value, boolean tab) {
        for (int i = 0; i < value.length();) {
            int codePoint = value.codePointAt(i);
            if (codePoint < 0x20 || codePoint >= 0x7f) {
                int type = Character.getType(codePoint);
                if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && codePoint == '\t')) {
                    return false;
                }
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
