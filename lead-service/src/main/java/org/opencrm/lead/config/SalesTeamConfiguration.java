package org.opencrm.lead.config;

import java.util.List;

import org.opencrm.lead.application.KeycloakSalesTeam;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * The sales team from Keycloak's admin API, called as lead-service's own service account ({@code crm-lead-service},
 * client credentials): never with a signed-in user's token, so that it works the same from a scheduled job. Both the
 * token request and the admin call give up after the configured timeout.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssignmentProperties.class)
class SalesTeamConfiguration {

    @Bean
    KeycloakSalesTeam keycloakSalesTeam(AssignmentProperties properties, ClientRegistrationRepository registrations,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuerUri) {
        AssignmentProperties.Directory directory = properties.directory();
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(directory.timeout());
        requests.setReadTimeout(directory.timeout());

        RestClientClientCredentialsTokenResponseClient tokens = new RestClientClientCredentialsTokenResponseClient();
        tokens.setRestClient(RestClient.builder().requestFactory(requests)
                .messageConverters(List.of(new FormHttpMessageConverter(),
                        new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler()).build());
        // not the request-bound manager: this token belongs to the service, also outside any HTTP request
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
                        new InMemoryOAuth2AuthorizedClientService(registrations));
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(grant -> grant.accessTokenResponseClient(tokens)).build());

        OAuth2ClientHttpRequestInterceptor serviceAccountToken = new OAuth2ClientHttpRequestInterceptor(manager);
        serviceAccountToken.setClientRegistrationIdResolver(request -> directory.clientRegistrationId());
        // one token for the service (not one per signed-in user who happens to create a lead)
        AnonymousAuthenticationToken service = new AnonymousAuthenticationToken("lead-service", "lead-service",
                AuthorityUtils.createAuthorityList("ROLE_SERVICE"));
        serviceAccountToken.setPrincipalResolver(request -> service);

        RestClient keycloak = RestClient.builder()
                .baseUrl(directory.adminUriFor(issuerUri))
                .requestFactory(requests)
                .requestInterceptor(serviceAccountToken)
                .build();
        return new KeycloakSalesTeam(keycloak, directory.role(), directory.maxUsers(), directory.cacheTtl());
    }
}
