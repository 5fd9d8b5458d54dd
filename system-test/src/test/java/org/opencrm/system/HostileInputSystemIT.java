package org.opencrm.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.system.LocalStack.JSON;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencrm.platform.test.fuzz.FuzzRequest;
import org.opencrm.platform.test.fuzz.FuzzResponse;
import org.opencrm.platform.test.fuzz.HttpFuzzTransport;
import org.opencrm.platform.test.fuzz.OpenApiFuzzer;

/**
 * Every operation of every service's OpenAPI document, as the gateway publishes them, walked through the gateway
 * with an admin token and hostile input (malformed, 30 MB, chunked, deeply nested, wrong-typed bodies, control
 * characters, tampered, foreign and out-of-range cursors, invalid path values): no answer is a 5xx, every 4xx is
 * problem+json. A new service or endpoint is covered as soon as the gateway lists its document.
 */
@ExtendWith(LocalStackExtension.class)
class HostileInputSystemIT {

    @Test
    void noOperationOfAnyServiceAnswersHostileInputWithA5xx(LocalStack stack) throws Exception {
        AdminToken token = new AdminToken(stack);
        HttpFuzzTransport gateway = new HttpFuzzTransport(stack.gatewayUrl(),
                () -> Map.of("Authorization", "Bearer " + token.get()));
        Map<String, OpenApiFuzzer> fuzzers = new LinkedHashMap<>();
        for (String service : stack.services().names()) {
            FuzzResponse document = gateway.send(new FuzzRequest("GET", "/v3/api-docs/" + service, null, false, "doc"));
            if (document.status() != 200) {
                continue; // a service with no API yet is not routed, or answers its fallback
            }
            OpenApiFuzzer fuzzer = new OpenApiFuzzer(JSON.readTree(document.body()), gateway)
                .hugeBodyBytes(30 * 1024 * 1024)
                .discover();
            fuzzers.put(service, fuzzer);
        }
        fuzzers.forEach((service, fuzzer) -> fuzzers.forEach((other, otherFuzzer) -> {
            if (!other.equals(service)) {
                fuzzer.foreignCursors(otherFuzzer.cursorsSeen());
            }
        }));

        // the walks at once: one walk's requests left the cores a third idle (each waits on its answer)
        List<String> failures = new ArrayList<>();
        ExecutorService walks = Executors.newFixedThreadPool(fuzzers.size());
        try {
            Map<String, Future<List<String>>> walked = new LinkedHashMap<>();
            fuzzers.forEach((service, fuzzer) -> walked.put(service, walks.submit(fuzzer::walk)));
            for (Map.Entry<String, Future<List<String>>> walk : walked.entrySet()) {
                walk.getValue().get().forEach(failure -> failures.add(walk.getKey() + ": " + failure));
            }
        }
        finally {
            walks.shutdownNow();
        }
        System.out.println("Walked through the gateway: " + fuzzers.entrySet().stream()
            .map(walk -> walk.getKey() + " (" + walk.getValue().sent() + " requests)").toList());

        assertThat(fuzzers).containsKeys("customer-service", "activity-service");
        assertThat(failures).isEmpty();
    }

    /**
     * Tokens of the bench's client, which the local profile gives a rate limit far above this walk's: with a user's
     * limit (20 requests/s) the walk's ~2,800 requests waited ~70 s for the limiter. The realm's tokens live five
     * minutes: a fresh one is fetched every two.
     */
    private static final class AdminToken {

        private static final String BENCH_CLIENT = "crm-bench";

        private final LocalStack stack;
        private String token;
        private Instant fetched = Instant.MIN;

        AdminToken(LocalStack stack) {
            this.stack = stack;
        }

        synchronized String get() {
            if (Duration.between(fetched, Instant.now()).toSeconds() > 120) {
                try {
                    token = stack.passwordGrantToken(BENCH_CLIENT, "admin", "crm-demo");
                }
                catch (Exception ex) {
                    throw new IllegalStateException("no admin token from Keycloak", ex);
                }
                fetched = Instant.now();
            }
            return token;
        }
    }
}
