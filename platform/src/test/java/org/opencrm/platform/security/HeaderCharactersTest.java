package org.opencrm.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** The header checks decide exactly as the firewall's own regular expressions (copied from its source). */
class HeaderCharactersTest {

    private static final Pattern FIREWALL_NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern FIREWALL_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void decidesAsTheFirewallsExpressionsOnEveryKindOfCharacter() {
        List<String> samples = new ArrayList<>(List.of("", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln-_~+/=",
                "a\tb", "\t", "a\nb", "a\rb", "\u0000", "\u001f", "\u007f", "\u0085", "\u009f", "\u00a0", "café",
                "日本語", "😀", "\ud83d", "\ude00x", "\u0378", "\ue000", "\ufffe", "\u200b", "\u2028", "\ufeff"));
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            for (int length = random.nextInt(1, 6); length > 0; length--) {
                // mostly the first planes, where the unassigned and control code points are
                int codePoint = random.nextInt(4) == 0 ? random.nextInt(0x110000) : random.nextInt(0x3000);
                value.appendCodePoint(codePoint);
            }
            samples.add(value.toString());
        }

        for (String sample : samples) {
            assertThat(HeaderCharacters.NAME.test(sample)).as("name %s", codePoints(sample))
                .isEqualTo(FIREWALL_NAME.matcher(sample).matches());
            assertThat(HeaderCharacters.VALUE.test(sample)).as("value %s", codePoints(sample))
                .isEqualTo(FIREWALL_VALUE.matcher(sample).matches());
        }
    }

    @Test
    void theFirewallUsingThemStillRejectsAControlCharacterInAHeader() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters.NAME);
        firewall.setAllowedHeaderValues(HeaderCharacters.VALUE);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/customers");
        request.addHeader("Authorization", "Bearer abc\u0007");
        request.addHeader("X-Fine", "tab\tseparated");

        var firewalled = firewall.getFirewalledRequest(request);

        assertThat(firewalled.getHeader("X-Fine")).isEqualTo("tab\tseparated");
        assertThatThrownBy(() -> firewalled.getHeader("Authorization")).isInstanceOf(RequestRejectedException.class);
    }

    private static String codePoints(String value) {
        return value.codePoints().mapToObj(Integer::toHexString).toList().toString();
    }
}
