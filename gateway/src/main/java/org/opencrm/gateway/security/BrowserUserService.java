package org.opencrm.gateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Signs a browser user in with the same authorities a bearer caller gets: the access token Keycloak just issued is
 * validated like any bearer token (issuer, signature, audience {@code crm-api}) and its realm roles become
 * {@code ROLE_x}. The principal's name is the subject, as for bearer callers (rate-limit buckets, logs).
 */
class BrowserUserService implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

    private final ReactiveOAuth2UserService<OidcUserRequest, OidcUser> delegate;

    private final ReactiveJwtDecoder accessTokenDecoder;

    private final KeycloakAuthoritiesConverter authorities = new KeycloakAuthoritiesConverter();

    BrowserUserService(ReactiveOAuth2UserService<OidcUserRequest, OidcUser> delegate,
            ReactiveJwtDecoder accessTokenDecoder) {
        this.delegate = delegate;
        this.accessTokenDecoder = accessTokenDecoder;
    }

    @Override
    public Mono<OidcUser> loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        return delegate.loadUser(request)
                .zipWith(accessTokenDecoder.decode(request.getAccessToken().getTokenValue()))
                .map(userAndToken -> {
                    OidcUser user = userAndToken.getT1();
                    Collection<GrantedAuthority> granted = new ArrayList<>(authorities.convert(userAndToken.getT2()));
                    return (OidcUser) new DefaultOidcUser(List.copyOf(granted), user.getIdToken(), user.getUserInfo(),
                            IdTokenClaimNames.SUB);
                });
    }
}
