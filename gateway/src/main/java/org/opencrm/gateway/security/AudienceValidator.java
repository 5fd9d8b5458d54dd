package org.opencrm.gateway.security;

import java.util.List;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Rejects tokens not issued for the CRM API (for example an ID token, whose audience is the client). Boot adds this
 * validator bean to its issuer-based decoder, which stays lazy and caches the JWK set.
 */
public class AudienceValidator implements OAuth2TokenValidator<Jwt> {

    private final String audience;

    private final OAuth2TokenValidatorResult failure;

    public AudienceValidator(String audience) {
        this.audience = audience;
        this.failure = OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                "The token is not meant for audience " + audience, null));
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        List<String> audiences = jwt.getAudience();
        return audiences != null && audiences.contains(audience) ? OAuth2TokenValidatorResult.success() : failure;
    }
}
