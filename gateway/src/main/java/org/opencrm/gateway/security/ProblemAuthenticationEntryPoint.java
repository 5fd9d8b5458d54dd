package org.opencrm.gateway.security;

import org.opencrm.gateway.problem.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 as problem+json, with the RFC 6750 {@code WWW-Authenticate} challenge. */
class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final ProblemWriter problems;

    ProblemAuthenticationEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        String challenge = "Bearer";
        String detail = "A valid bearer token is required.";
        if (ex instanceof OAuth2AuthenticationException oauth) {
            OAuth2Error error = oauth.getError();
            challenge = "Bearer error=\"" + error.getErrorCode() + "\"";
            if (error.getDescription() != null) {
                detail = error.getDescription();
                challenge += ", error_description=\"" + detail.replace('"', '\'') + "\"";
            }
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, detail);
    }
}
