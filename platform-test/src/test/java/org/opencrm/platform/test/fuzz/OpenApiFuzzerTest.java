package org.opencrm.platform.test.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenApiFuzzerTest {

    private static final String THINGS_CURSOR = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("things|2026-01-01T00:00:00Z|0b6f3c1e-8d51-4a5e-9f59-1f1d6f0d2a11"
            .getBytes(StandardCharsets.UTF_8));

    /** One list with a cursor, as springdoc documents the services' lists. */
    private static final JsonNode DOCUMENT = JsonMapper.builder().build().readTree("""
            {"paths": {"/api/v1/things": {"get": {
              "parameters": [
                {"name": "cursor", "in": "query", "schema": {"type": "string"}},
                {"name": "size", "in": "query", "schema": {"type": "integer"}}
              ],
              "responses": {"200": {"description": "a page"}}
            }}}}
            """);

    private final List<FuzzRequest> sent = new ArrayList<>();

    /** The list answers its first page with a cursor and refuses everything else as a service does. */
    private final FuzzTransport list = request -> {
        sent.add(request);
        if (request.uri().equals("/api/v1/things?size=1")) {
            return new FuzzResponse(200, "application/json", "{\"items\":[],\"nextCursor\":\"" + THINGS_CURSOR + "\"}");
        }
        return new FuzzResponse(400, "application/problem+json", "{\"status\":400}");
    };

    @Test
    void discoveryLearnsTheListsCursorsBeforeAnyHostileRequest() throws Exception {
        OpenApiFuzzer fuzzer = new OpenApiFuzzer(DOCUMENT, list).discover();

        assertThat(fuzzer.cursorsSeen()).containsExactly(THINGS_CURSOR);
        assertThat(sent).extracting(FuzzRequest::description).containsOnly("discover cursor");
    }

    @Test
    void theWalkSendsTheCursorsItWasGivenBesideItsOwn() throws Exception {
        OpenApiFuzzer fuzzer = new OpenApiFuzzer(DOCUMENT, list).discover().foreignCursors(List.of("Zm9yZWlnbg"));

        assertThat(fuzzer.cursorsSeen()).containsExactly(THINGS_CURSOR);

        assertThat(fuzzer.walk()).isEmpty();

        assertThat(sent).extracting(FuzzRequest::uri)
            .contains("/api/v1/things?cursor=Zm9yZWlnbg", "/api/v1/things?cursor=" + THINGS_CURSOR);
        assertThat(fuzzer.sent()).isEqualTo(sent.size());
    }

    @Test
    void aWalkWithoutDiscoveryIsRefused() {
        OpenApiFuzzer fuzzer = new OpenApiFuzzer(DOCUMENT, list);

        assertThatIllegalStateException().isThrownBy(fuzzer::walk).withMessageContaining("discover() first");
        assertThat(sent).isEmpty();
    }
}
