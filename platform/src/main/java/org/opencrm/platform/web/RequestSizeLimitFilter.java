package org.opencrm.platform.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses a request body larger than {@link InputLimits} allow with 413: at once when its Content-Length says so,
 * otherwise (chunked) as soon as reading passes the limit, so a service never buffers more than the limit. The
 * gateway enforces the same limits first; this is the service's own defence.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final InputLimits limits;
    private final ProblemResponses problems;
    private final List<CompiledRoute> routes;

    public RequestSizeLimitFilter(InputLimits limits, ProblemResponses problems) {
        this.limits = limits;
        this.problems = problems;
        this.routes = limits.routes().stream()
            .map(route -> new CompiledRoute(PathPatternParser.defaultInstance.parse(route.path()),
                    route.maxRequestSize().toBytes()))
            .toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long max = limitFor(request);
        if (request.getContentLengthLong() > max) {
            problems.write(request, response, tooLarge(max));
            return;
        }
        chain.doFilter(new LimitedRequest(request, max), response);
    }

    static ProblemDetail tooLarge(long max) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the " + max + " bytes this endpoint accepts.");
        problem.setTitle("Request too large");
        return problem;
    }

    private long limitFor(HttpServletRequest request) {
        if (!routes.isEmpty()) {
            var path = ServletRequestPathUtils.parseAndCache(request).pathWithinApplication();
            for (CompiledRoute route : routes) {
                if (route.pattern().matches(path)) {
                    return route.maxBytes();
                }
            }
        }
        return limits.maxRequestSize().toBytes();
    }

    private record CompiledRoute(PathPattern pattern, long maxBytes) {
    }

    /** Thrown while reading past the limit; surfaces wrapped in whatever read the body, answered with 413. */
    public static class RequestTooLargeException extends IOException {

        private final long maxBytes;

        RequestTooLargeException(long maxBytes) {
            super("request body larger than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        public long maxBytes() {
            return maxBytes;
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long max;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), max);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long max;
        private long read;

        LimitedInputStream(ServletInputStream delegate, long max) {
            this.delegate = delegate;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > max) {
                throw new RequestTooLargeException(max);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
