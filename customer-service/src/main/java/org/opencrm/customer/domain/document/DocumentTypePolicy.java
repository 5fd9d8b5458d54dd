package org.opencrm.customer.domain.document;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which detected content types may be stored: an allowlist, so that a format nobody thought of is refused rather than
 * served to colleagues (HTML and SVG run scripts when rendered, executables and macro-enabled Office files carry
 * malware, archives hide what is inside).
 */
public record DocumentTypePolicy(Set<String> allowed) {

    public DocumentTypePolicy {
        allowed = allowed.stream().map(type -> type.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** @throws DocumentRejectedException when the type is not allowed */
    public void check(String detectedType) {
        if (!allowed.contains(detectedType.toLowerCase(Locale.ROOT))) {
            throw new DocumentRejectedException(DocumentRejectedException.Reason.UNSUPPORTED_TYPE,
                    "Documents of type " + detectedType + " are not accepted. Allowed are PDF, images (PNG, JPEG, GIF, "
                            + "WebP, TIFF), plain text and CSV, e-mails and Office documents without macros.");
        }
    }
}
