package org.opencrm.platform.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses query parameters holding control characters (or broken percent-encoding) with a 400 naming each
 * parameter, for every endpoint at once. Reads only the query string, never a form body.
 */
public class QueryParameterFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    public QueryParameterFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && !query.isEmpty()) {
            Set<String> invalid = invalidParameters(query);
            if (!invalid.isEmpty()) {
                problems.write(request, response, invalid(invalid));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static Set<String> invalidParameters(String query) {
        Set<String> invalid = new LinkedHashSet<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String rawName = eq >= 0 ? pair.substring(0, eq) : pair;
            String name = decodeOrNull(rawName);
            String value = eq >= 0 ? decodeOrNull(pair.substring(eq + 1)) : "";
            if (name == null || value == null || ControlCharacters.contains(name) || ControlCharacters.contains(value)) {
                invalid.add(name != null && !ControlCharacters.contains(name) ? name : printable(rawName));
            }
        }
        return invalid;
    }

    private static String decodeOrNull(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static String printable(String raw) {
        return raw.length() > 50 ? raw.substring(0, 50) : raw;
    }

    private static ProblemDetail invalid(Set<String> names) {
        List<Map<String, String>> errors = new ArrayList<>();
        names.forEach(name -> errors.add(Map.of("field", name, "message",
                "must not contain control characters or broken percent-encoding")));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }
}
