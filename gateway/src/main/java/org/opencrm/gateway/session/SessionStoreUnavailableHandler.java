package org.opencrm.gateway.session;

import java.nio.charset.StandardCharsets;

import org.opencrm.gateway.problem.ProblemWriter;
import org.opencrm.gateway.web.WebUiPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Redis holds the browser sessions: without it nobody can sign in or use a session. Such a failure answers 503 at
 * once, with {@code Retry-After}: a short HTML page for a browser's page load or sign-in step, problem+json for
 * everything else. Bearer API calls never get here: they need no session, and their rate limit falls back to memory.
 */
@Component
@Order(-3) // before the gateway's general problem handler (-2)
class SessionStoreUnavailableHandler implements WebExceptionHandler {

    static final long RETRY_AFTER_SECONDS = 30;

    private static final Logger log = LoggerFactory.getLogger(SessionStoreUnavailableHandler.class);

    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>CRM temporarily unavailable</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem">
            <h1>The CRM is temporarily unavailable</h1>
            <p>Signing in and signed-in pages need the session store, which does not answer right now.
            Please try again in a minute.</p>
            <p><a href="/">Try again</a></p>
            </body>
            </html>
            """;

    private final ProblemWriter problems;

    SessionStoreUnavailableHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (!isSessionStoreFailure(ex) || exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        log.warn("{} {}: session store (Redis) unavailable: {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), ex.toString());
        ServerHttpResponse response = exchange.getResponse();
        // what the failed answer had prepared (a redirect to the login, a session cookie) no longer applies
        response.getHeaders().remove(HttpHeaders.LOCATION);
        response.getHeaders().remove(HttpHeaders.SET_COOKIE);
        response.getCookies().clear();
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
        response.getHeaders().setCacheControl("no-store");
        if (WebUiPages.acceptsHtml(exchange.getRequest().getHeaders())) {
            byte[] page = PAGE.getBytes(StandardCharsets.UTF_8);
            response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
            response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
            response.getHeaders().setContentLength(page.length);
            return response.writeWith(Mono.just(response.bufferFactory().wrap(page)));
        }
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                "The session store is unavailable; retry after " + RETRY_AFTER_SECONDS + " s.");
    }

    /** Spring Data Redis's translations of a lost, refused or timed-out connection, or Lettuce's own exception. */
    static boolean isSessionStoreFailure(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RedisSystemException || cause instanceof io.lettuce.core.RedisException
                    || (cause instanceof DataAccessResourceFailureException
                            && cause.getClass().getName().startsWith("org.springframework.data.redis"))
                    || (cause instanceof QueryTimeoutException
                            && String.valueOf(cause.getMessage()).contains("Redis"))) {
                return true;
            }
        }
        return false;
    }
}
