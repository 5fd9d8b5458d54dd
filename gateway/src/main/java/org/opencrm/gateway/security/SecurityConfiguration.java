package org.opencrm.gateway.security;

import java.net.URI;
import java.time.Duration;

import org.opencrm.gateway.problem.ProblemWriter;
import org.opencrm.gateway.session.UserSessions;
import org.opencrm.permissions.PermissionTable;
import org.opencrm.gateway.web.WebUiPages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.AuthorizationCodeReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.DelegatingReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RefreshTokenReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.DelegatingServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;

/**
 * Two kinds of callers on the same routes, two filter chains:
 * <ol>
 * <li>a request with {@code Authorization: Bearer} (partners, scripts): stateless resource server; the JWT is validated
 * once here (issuer, signature, expiry, audience) and relayed unchanged; no session, no CSRF;</li>
 * <li>everything else, browsers above all (backend for frontend): the gateway is the OAuth2 client ({@code keycloak},
 * authorization code + PKCE), the session lives in Redis (Spring Session), {@link SessionTokenRelayFilter} relays the
 * user's access token, CSRF is cookie-to-header.</li>
 * </ol>
 * Both authorize /api/** from the permission table; a browser user's roles come from the access token (see
 * {@link BrowserUserService}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class SecurityConfiguration {

    static final String LOGIN_PATH = "/oauth2/authorization/keycloak";

    @Bean
    OAuth2TokenValidator<Jwt> crmAudienceValidator(AccessProperties access) {
        return new AudienceValidator(access.audience());
    }

    /** The web UI's hashed assets: public, stateless, never a session lookup (a page load fetches a dozen of them). */
    @Bean
    @Order(0)
    SecurityWebFilterChain staticAssetsSecurityWebFilterChain(ServerHttpSecurity http, SecurityHeadersProperties headers) {
        http.securityMatcher(RequestMatchers.STATIC_ASSET)
                .csrf(ServerHttpSecurity.CsrfSpec::disable) // read-only
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .headers(h -> headers(h, headers))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll());
        return http.build();
    }

    /** Bearer callers: exactly the stateless resource server, first so that its hot path never touches a session. */
    @Bean
    @Order(1)
    SecurityWebFilterChain bearerSecurityWebFilterChain(ServerHttpSecurity http, PermissionTable permissions,
            SecurityHeadersProperties headers, ProblemWriter problems) {
        ProblemAuthenticationEntryPoint unauthorized = new ProblemAuthenticationEntryPoint(problems);
        ProblemAccessDeniedHandler forbidden = new ProblemAccessDeniedHandler(problems);
        JwtAuthenticationConverter jwtConverter = new JwtAuthenticationConverter();
        jwtConverter.setJwtGrantedAuthoritiesConverter(new KeycloakAuthoritiesConverter());

        http.securityMatcher(RequestMatchers.BEARER)
                .csrf(ServerHttpSecurity.CsrfSpec::disable) // no cookies or sessions: nothing to forge
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(Customizer.withDefaults())
                .headers(h -> headers(h, headers))
                .authorizeExchange(exchanges -> commonRules(exchanges, permissions)
                        // the static web UI
                        .pathMatchers(HttpMethod.GET, "/**").permitAll()
                        .pathMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .anyExchange().denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(jwtConverter)))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden));
        return http.build();
    }

    /** Browsers (and anonymous callers): session, OAuth2 login at Keycloak, CSRF, logout. */
    @Bean
    @Order(2)
    SecurityWebFilterChain browserSecurityWebFilterChain(ServerHttpSecurity http, PermissionTable permissions,
            SecurityHeadersProperties headers, ProblemWriter problems,
            ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients, UserSessions userSessions,
            @Value("${server.reactive.session.cookie.secure:false}") boolean secureCookies) {
        ProblemAuthenticationEntryPoint unauthorized = new ProblemAuthenticationEntryPoint(problems);
        ProblemAccessDeniedHandler forbidden = new ProblemAccessDeniedHandler(problems);

        // page loads go to Keycloak's login page; everything else answers 401 problem+json
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegateEntry(RequestMatchers.PAGE_LOAD, new RedirectServerAuthenticationEntryPoint(LOGIN_PATH)));
        entryPoint.setDefaultEntryPoint(unauthorized);

        // back to the page first asked for, after login
        WebSessionServerRequestCache requestCache = new WebSessionServerRequestCache();
        requestCache.setSaveRequestMatcher(RequestMatchers.PAGE_LOAD);
        RedirectServerAuthenticationSuccessHandler backToThePage = new RedirectServerAuthenticationSuccessHandler();
        backToThePage.setRequestCache(requestCache);

        DefaultServerOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        // a confidential client too: PKCE binds the code to this login attempt
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        OidcClientInitiatedServerLogoutSuccessHandler logoutSuccess =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        logoutSuccess.setPostLogoutRedirectUri("{baseUrl}/");
        // no OIDC session left to end at Keycloak (it expired): back to the start page
        logoutSuccess.setLogoutSuccessUrl(URI.create("/"));

        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        // Secure like the session cookie: behind the ingress the request has no TLS of its own, which is all the
        // repository would look at
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").secure(secureCookies));

        http.securityMatcher(exchange -> MatchResult.match())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        // the SPA echoes the cookie's raw value in X-XSRF-TOKEN
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(RequestMatchers.UNSAFE_WITH_SESSION_COOKIE)
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                                "Missing or invalid CSRF token: send the XSRF-TOKEN cookie's value in X-XSRF-TOKEN.")))
                .addFilterAfter(new CsrfCookieWebFilter(), SecurityWebFiltersOrder.CSRF)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .requestCache(cache -> cache.requestCache(requestCache))
                .cors(Customizer.withDefaults())
                .headers(h -> headers(h, headers))
                .authorizeExchange(exchanges -> commonRules(exchanges, permissions)
                        .pathMatchers("/oauth2/**", "/login/**", "/logout").permitAll()
                        // a signed-out browser opening a page goes to the login page first
                        .matchers(RequestMatchers.PAGE_LOAD).authenticated()
                        .pathMatchers(HttpMethod.GET, "/**").permitAll()
                        .pathMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .anyExchange().denyAll())
                .oauth2Login(login -> login.authorizationRequestResolver(authorizationRequests)
                        .authorizedClientRepository(authorizedClients)
                        // the session is listed under its user, so that an admin's change can end it at once
                        .authenticationSuccessHandler(new DelegatingServerAuthenticationSuccessHandler(userSessions,
                                backToThePage)))
                .logout(logout -> logout
                        // the whole session goes, tokens included, not just the security context
                        .logoutHandler(handlers -> handlers.add(new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(logoutSuccess))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(forbidden));
        return http.build();
    }

    private static ServerHttpSecurity.AuthorizeExchangeSpec commonRules(ServerHttpSecurity.AuthorizeExchangeSpec exchanges,
            PermissionTable permissions) {
        return exchanges
                // the hot path first: per route and method from the permission table, the gateway's own /api/v1/me too
                .pathMatchers("/api/**").access(new PermissionTableAuthorizationManager(permissions))
                .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .pathMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**").permitAll()
                // reached only by the circuit breaker's internal forward
                .pathMatchers("/fallback/**").denyAll()
                .pathMatchers("/actuator/**").hasRole("admin");
    }

    private static void headers(ServerHttpSecurity.HeaderSpec h, SecurityHeadersProperties headers) {
        h.hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable)
                .frameOptions(ServerHttpSecurity.HeaderSpec.FrameOptionsSpec::disable)
                .contentTypeOptions(ServerHttpSecurity.HeaderSpec.ContentTypeOptionsSpec::disable)
                .writer(new SecurityHeadersWriter(headers));
    }

    /** Keeps each browser user's tokens in the (Redis) session, so that every gateway instance can relay them. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** Boot's registrations from the same properties, their issuer's metadata read at the first sign-in. */
    @Bean
    ReactiveClientRegistrationRepository clientRegistrationRepository(OAuth2ClientProperties properties) {
        return new IssuerDiscoveredClientRegistrations(
                () -> new OAuth2ClientPropertiesMapper(properties).asClientRegistrations());
    }

    /** Hands out the session's access token, refreshing it (refresh token grant) when it expires within a minute. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients,
            @Value("${crm.gateway.session.refresh-before-expiry:60s}") Duration refreshBeforeExpiry) {
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        RefreshTokenReactiveOAuth2AuthorizedClientProvider refresh = new RefreshTokenReactiveOAuth2AuthorizedClientProvider();
        refresh.setClockSkew(refreshBeforeExpiry);
        manager.setAuthorizedClientProvider(new DelegatingReactiveOAuth2AuthorizedClientProvider(
                new AuthorizationCodeReactiveOAuth2AuthorizedClientProvider(), refresh));
        return manager;
    }

    @Bean
    BrowserUserService browserUserService(ReactiveJwtDecoder accessTokenDecoder) {
        return new BrowserUserService(new OidcReactiveOAuth2UserService(), accessTokenDecoder);
    }

    /** The request matchers both chains and their filters share. */
    static final class RequestMatchers {

        static final String SESSION_COOKIE = "SESSION";

        /** A bearer token: stateless. */
        static final ServerWebExchangeMatcher BEARER = exchange -> BearerToken.isPresent(exchange.getRequest().getHeaders())
                ? MatchResult.match() : MatchResult.notMatch();

        /** One of the web UI's hashed files, whoever asks. */
        static final ServerWebExchangeMatcher STATIC_ASSET = exchange -> WebUiPages.isStaticAsset(exchange.getRequest())
                ? MatchResult.match() : MatchResult.notMatch();

        /** A browser opening a page: GET asking explicitly for HTML, outside the API and the security endpoints. */
        static final ServerWebExchangeMatcher PAGE_LOAD = exchange -> isPageLoad(exchange.getRequest().getMethod(),
                exchange.getRequest().getHeaders(), exchange.getRequest().getPath().pathWithinApplication().value())
                ? MatchResult.match() : MatchResult.notMatch();

        /** A state-changing request that carries the session cookie: the only kind a CSRF attack can ride on. */
        static final ServerWebExchangeMatcher UNSAFE_WITH_SESSION_COOKIE = exchange -> {
            HttpMethod method = exchange.getRequest().getMethod();
            boolean safe = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)
                    || HttpMethod.OPTIONS.equals(method) || HttpMethod.TRACE.equals(method);
            return !safe && exchange.getRequest().getCookies().containsKey(SESSION_COOKIE)
                    ? MatchResult.match() : MatchResult.notMatch();
        };

        static boolean isPageLoad(HttpMethod method, HttpHeaders headers, String path) {
            return HttpMethod.GET.equals(method) && WebUiPages.acceptsHtml(headers) && WebUiPages.isPagePath(path);
        }

        private RequestMatchers() {
        }
    }
}
