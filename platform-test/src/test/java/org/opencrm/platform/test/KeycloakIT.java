package org.opencrm.platform.test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakIT {

    @Test
    void issuesPasswordTokensOfTheCrmRealm() {
        KeycloakEndpoint keycloak = TestInfrastructure.keycloak();

        JsonNode claims = claims(keycloak.passwordToken("sales1", "crm-demo"));

        assertThat(keycloak.issuerUri()).endsWith("/realms/crm");
        assertThat(claims.get("iss").asString()).isEqualTo(keycloak.issuerUri());
        assertThat(claims.get("preferred_username").asString()).isEqualTo("sales1");
        assertThat(claims.at("/realm_access/roles").toString()).contains("sales");
    }

    @Test
    void issuesClientCredentialsTokensToPartners() {
        KeycloakEndpoint keycloak = TestInfrastructure.keycloak();

        JsonNode claims = claims(keycloak.clientCredentialsToken("crm-partner-demo", "crm-partner-dev-secret"));

        assertThat(claims.get("iss").asString()).isEqualTo(keycloak.issuerUri());
        assertThat(claims.get("azp").asString()).isEqualTo("crm-partner-demo");
    }

    private static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return JsonMapper.shared().readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
