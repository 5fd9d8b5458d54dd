package org.opencrm.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
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

import org.opencrm.platform.text.ControlCharacters;
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

    /** Percent-decodes strictly: broken escapes and bytes that are no UTF-8 give null (Tomcat would fail later). */
    static String decodeOrNull(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return null;
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            }
            else if (c == '+') {
                bytes.write(' ');
            }
            else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        }
        catch (CharacterCodingException ex) {
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
