package org.opencrm.customer.domain.document;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * The name a document is listed and downloaded under, made safe from what the client sent: no directories (only the
 * last segment of a path, either separator), no control, format or bidirectional-override characters (a name that
 * displays as {@code invoice.pdf} but is {@code fdp.exe}), none of the characters Windows refuses, no leading or
 * trailing dots and spaces ({@code ..}, hidden files), not a reserved device name, at most {@value #MAX_LENGTH}
 * characters (the extension kept). Nothing of it is ever part of a storage key.
 */
public final class DocumentFilename {

    public static final int MAX_LENGTH = 200;

    static final String FALLBACK = "document";

    private static final Set<String> WINDOWS_DEVICES = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3",
            "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7",
            "lpt8", "lpt9");

    private DocumentFilename() {
    }

    public static String sanitize(String submitted) {
        if (submitted == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(submitted, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (isInvisibleOrControl(c)) {
                return;
            }
            clean.appendCodePoint("<>:\"|?*".indexOf(c) >= 0 ? '_' : c);
        });
        String trimmed = strip(clean.toString());
        String base = trimmed.contains(".") ? trimmed.substring(0, trimmed.indexOf('.')) : trimmed;
        if (WINDOWS_DEVICES.contains(base.toLowerCase(Locale.ROOT))) {
            trimmed = "_" + trimmed;
        }
        return trimmed.isEmpty() ? FALLBACK : bounded(trimmed);
    }

    private static boolean isInvisibleOrControl(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** Without leading and trailing dots and white space. */
    private static String strip(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && (name.charAt(start) == '.' || Character.isWhitespace(name.charAt(start)))) {
            start++;
        }
        while (end > start && (name.charAt(end - 1) == '.' || Character.isWhitespace(name.charAt(end - 1)))) {
            end--;
        }
        return name.substring(start, end);
    }

    /** Cut in the name, not the extension (up to 20 characters of it), and never inside a surrogate pair. */
    private static String bounded(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 20 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
        return strip(stem.substring(0, stem.offsetByCodePoints(0, keep))) + extension;
    }
}
