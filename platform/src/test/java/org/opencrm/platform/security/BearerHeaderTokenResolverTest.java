package org.opencrm.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The resolver answers exactly as Spring Security's default one: the same token, or the same refusal. */
class BearerHeaderTokenResolverTest {

    private static final String TOKEN_CHARACTERS =
            "abcxyzABCXYZ0189-._~+/= \t:;,!\"#$%&'()*<>?@[\\]^`{|}é日😀";

    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();
    private final BearerHeaderTokenResolver resolver = new BearerHeaderTokenResolver();

    @Test
    void resolvesAndRefusesAsSpringSecuritysDefault() {
        List<String> headers = new ArrayList<>(List.of("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln-_~+/=",
                "bearer abc", "BEARER abc==", "BeArEr a", "Bearer", "Bearer ", "Bearer  abc", "Bearer abc ",
                "Bearerabc", "Bearer\tabc", "Bearer =", "Bearer a=b", "Bearer a==", "Basic dXNlcjpwYXNz", "Token abc",
                "", " Bearer abc", "Bearer abc,def", "Bearer é"));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "bEaReR");
            for (int length = random.nextInt(0, 8); length > 0; length--) {
                // mostly the token's own characters, so that many headers are well formed
                header.append(random.nextInt(3) == 0
                        ? Character.toString(TOKEN_CHARACTERS.codePointAt(random.nextInt(TOKEN_CHARACTERS.length())))
                        : "aZ9-._~+/".charAt(random.nextInt(9)));
            }
            headers.add(header.toString());
        }

        for (String header : headers) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/customers");
            request.addHeader("Authorization", header);
            assertThat(outcome(() -> resolver.resolve(request))).as("[%s]", header)
                .isEqualTo(outcome(() -> spring.resolve(request)));
        }
    }

    @Test
    void noAuthorizationHeaderIsNoToken() {
        assertThat(resolver.resolve(new MockHttpServletRequest("GET", "/api/v1/customers"))).isNull();
    }

    @Test
    void aMalformedTokenIsAnInvalidTokenError() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/customers");
        request.addHeader("Authorization", "Bearer not a token");

        Throwable refused = catchThrowable(() -> resolver.resolve(request));

        assertThat(refused).isInstanceOf(OAuth2AuthenticationException.class);
        assertThat(((OAuth2AuthenticationException) refused).getError().getErrorCode()).isEqualTo("invalid_token");
    }

    /** The token resolved, or the error code and description it was refused with. */
    private static String outcome(Supplier<String> resolve) {
        try {
            return "token " + Objects.toString(resolve.get());
        }
        catch (OAuth2AuthenticationException ex) {
            return "refused " + ex.getError().getErrorCode() + ": " + ex.getError().getDescription();
        }
    }
}
