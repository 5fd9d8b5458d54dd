package org.opencrm.platform.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** Responses that download as a file (exports): written as they are made, never cached. */
public final class Attachments {

    private Attachments() {
    }

    /**
     * Sets the type, {@code Content-Disposition: attachment} with the file's name and no caching, and a 64 KB buffer:
     * an export of a million rows goes to the socket in fewer, larger chunks than Tomcat's default 8 KB. Call before
     * anything is written.
     */
    public static void prepare(HttpServletResponse response, String contentType, String filename) {
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store, private");
        response.setBufferSize(64 * 1024);
    }
}
