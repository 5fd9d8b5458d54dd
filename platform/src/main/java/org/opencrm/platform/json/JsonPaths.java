package org.opencrm.platform.json;

import tools.jackson.core.JacksonException;

/** Where in a JSON document a Jackson error happened, as a client wrote it. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** {@code contacts[2].email}; empty at the document's root. */
    public static String of(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
