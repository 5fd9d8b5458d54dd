package org.opencrm.gateway.users;

import io.netty.channel.ChannelOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The WebClient that calls Keycloak's admin REST API as the {@code crm-user-admin} service account (client
 * credentials), never with the signed-in admin's own token: Keycloak checks the service account's few
 * realm-management roles, the CRM checks that the caller is a CRM admin.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UserAdminProperties.class)
class UserAdminConfiguration {

    @Bean
    KeycloakAdminClient keycloakAdminClient(UserAdminProperties properties,
            ReactiveClientRegistrationRepository registrations,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuerUri) {
        // not the session-bound manager of the browser chain: this token belongs to the gateway, not to a user
        AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(registrations,
                        new InMemoryReactiveOAuth2AuthorizedClientService(registrations));
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials().build());
        // one token for the gateway itself (not one per signed-in admin), fetched again shortly before it expires
        OAuth2AuthorizeRequest authorize = OAuth2AuthorizeRequest
                .withClientRegistrationId(properties.clientRegistrationId()).principal("gateway").build();
        ExchangeFilterFunction serviceAccountToken = (request, next) -> manager.authorize(authorize)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no token for "
                        + properties.clientRegistrationId())))
                .map(client -> ClientRequest.from(request)
                        .headers(h -> h.setBearerAuth(client.getAccessToken().getTokenValue())).build())
                .flatMap(next::exchange);

        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000)
                .responseTimeout(properties.timeout());
        WebClient webClient = WebClient.builder()
                .baseUrl(properties.adminUriFor(issuerUri))
                .clientConnector(new ReactorClientHttpConnector(http))
                .filter(serviceAccountToken)
                .build();
        return new KeycloakAdminClient(webClient, properties.timeout());
    }
}
