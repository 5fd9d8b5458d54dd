package org.opencrm.platform.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on what one request may make a service read, so that no request can take its heap: the body size (checked
 * before and while reading, chunked bodies included) and what Jackson accepts inside a JSON document.
 *
 * @param maxRequestSize the largest request body, unless a {@code routes} entry says otherwise
 * @param routes larger (or smaller) bodies for some paths, e.g. uploads; first match wins
 * @param maxNestingDepth the deepest nesting of JSON objects and arrays
 * @param maxStringLength the longest JSON string value, in characters
 * @param maxNumberLength the longest JSON number, in characters
 */
@ConfigurationProperties("crm.web.limits")
public record InputLimits(@DefaultValue("1MB") DataSize maxRequestSize, @DefaultValue List<RouteLimit> routes,
        @DefaultValue("64") int maxNestingDepth, @DefaultValue("1000000") int maxStringLength,
        @DefaultValue("100") int maxNumberLength) {

    /** @param path a Spring path pattern, e.g. {@code /api/v1/documents/**} */
    public record RouteLimit(String path, DataSize maxRequestSize) {
    }
}
