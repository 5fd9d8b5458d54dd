package org.opencrm.lead.config;

import java.util.List;

import org.opencrm.lead.application.AutomaticAssignment;
import org.opencrm.lead.application.KeycloakSalesTeam;
import org.opencrm.lead.application.SalesTeam;
import org.opencrm.lead.application.SalesTeamDirectory;
import org.opencrm.lead.application.TeamAutoAssignment;
import org.opencrm.lead.domain.AutoAssignment;
import org.opencrm.lead.domain.SalesUserDirectory;
import org.opencrm.lead.domain.assignment.Candidate;
import org.springframework.beans.factory.ObjectProvider;
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
 * The sales team leads are assigned to. From Keycloak's admin API, called as lead-service's own service account
 * ({@code crm-lead-service}, client credentials): never with a signed-in user's token, so that it works the same from
 * a scheduled job. Both the token request and the admin call give up after the configured timeout.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssignmentProperties.class)
class SalesTeamConfiguration {

    @Bean
    SalesTeam salesTeam(AssignmentProperties properties, LeadProperties leads,
            ObjectProvider<ClientRegistrationRepository> registrations,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuerUri) {
        AssignmentProperties.Directory directory = properties.directory();
        if (directory.source() == AssignmentProperties.Directory.Source.CONFIGURED) {
            List<Candidate> members = leads.salesUsers().stream()
                    .map(user -> new Candidate(user.id(), user.username(), user.name(), true)).toList();
            return () -> members;
        }
        return keycloak(directory, registrations.getObject(), issuerUri);
    }

    @Bean
    SalesUserDirectory salesUserDirectory(SalesTeam team) {
        return new SalesTeamDirectory(team);
    }

    @Bean
    AutoAssignment autoAssignment(AutomaticAssignment assignment) {
        return new TeamAutoAssignment(assignment);
    }

    private static KeycloakSalesTeam keycloak(AssignmentProperties.Directory directory,
            ClientRegistrationRepository registrations, String issuerUri) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(directory.timeout());
        requests.setReadTimeout(directory.timeout());

        RestClientClientCredentialsTokenResponseClient tokens = new RestClientClientCredentialsTokenResponseClient();
        tokens.setRestClient(RestClient.builder().requestFactory(requests)
                .messageConverters(List.of(new FormHttpMessageConverter(),
                        new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler()).build());
        // not the request-bound manager: this token belongs to the service, also outside any HTTP request
        InMemoryOAuth2AuthorizedClientService clients = new InMemoryOAuth2AuthorizedClientService(registrations);
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(grant -> grant.accessTokenResponseClient(tokens)).build());

        OAuth2ClientHttpRequestInterceptor serviceAccountToken = new OAuth2ClientHttpRequestInterceptor(manager);
        serviceAccountToken.setClientRegistrationIdResolver(request -> directory.clientRegistrationId());
        // one token for the service (not one per signed-in user who happens to create a lead)
        AnonymousAuthenticationToken service = new AnonymousAuthenticationToken("lead-service", "lead-service",
                AuthorityUtils.createAuthorityList("ROLE_SERVICE"));
        serviceAccountToken.setPrincipalResolver(request -> service);
        // a 401/403 (a token Keycloak no longer accepts, e.g. after its restart) drops the token: the next call gets one
        serviceAccountToken.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(clients));

        RestClient keycloak = RestClient.builder()
                .baseUrl(directory.adminUriFor(issuerUri))
                .requestFactory(requests)
                .requestInterceptor(serviceAccountToken)
                .build();
        return new KeycloakSalesTeam(keycloak, directory.role(), directory.maxUsers(), directory.cacheTtl());
    }
}
