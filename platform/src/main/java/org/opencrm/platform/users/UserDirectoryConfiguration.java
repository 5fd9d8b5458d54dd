package org.opencrm.platform.users;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
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
 * The {@link UserDirectory} of a service that sets {@code crm.users.directory.source} (and has Spring Security's
 * OAuth2 client). From Keycloak's admin API, called as the service's own account (client credentials): never with a
 * signed-in user's token, so that it works the same from a scheduled job. Both the token request and the admin call
 * give up after the configured timeout.
 */
@AutoConfiguration(afterName = "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration")
@ConditionalOnClass(OAuth2ClientHttpRequestInterceptor.class)
@ConditionalOnProperty("crm.users.directory.source")
@EnableConfigurationProperties(UserDirectoryProperties.class)
public class UserDirectoryConfiguration {

    @Bean
    @ConditionalOnMissingBean
    UserDirectory userDirectory(UserDirectoryProperties properties,
            ObjectProvider<ClientRegistrationRepository> registrations,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuerUri) {
        if (properties.source() == UserDirectoryProperties.Source.CONFIGURED) {
            List<DirectoryUser> users = properties.users().stream()
                    .map(user -> new DirectoryUser(user.id(), user.username(), user.name(), true)).toList();
            return () -> users;
        }
        return keycloak(properties, registrations.getObject(), issuerUri);
    }

    private static KeycloakUserDirectory keycloak(UserDirectoryProperties properties,
            ClientRegistrationRepository registrations, String issuerUri) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.timeout());
        requests.setReadTimeout(properties.timeout());

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
        serviceAccountToken.setClientRegistrationIdResolver(request -> properties.clientRegistrationId());
        // one token for the service, not one per signed-in user who happens to trigger a check
        AnonymousAuthenticationToken service = new AnonymousAuthenticationToken("user-directory", "user-directory",
                AuthorityUtils.createAuthorityList("ROLE_SERVICE"));
        serviceAccountToken.setPrincipalResolver(request -> service);
        // a 401/403 (a token Keycloak no longer accepts, e.g. after its restart) drops the token: the next call gets one
        serviceAccountToken.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(clients));

        RestClient keycloak = RestClient.builder()
                .baseUrl(properties.adminUriFor(issuerUri))
                .requestFactory(requests)
                .requestInterceptor(serviceAccountToken)
                .build();
        return new KeycloakUserDirectory(keycloak, properties.roles(), properties.maxUsers(), properties.cacheTtl());
    }
}
