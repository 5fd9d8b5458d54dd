package org.opencrm.platform.test.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks every operation of a service's OpenAPI document (springdoc's {@code /v3/api-docs}) and sends it hostile
 * input: malformed, oversized (with and without Content-Length), deeply nested and wrong-typed bodies, strings with
 * control characters or of absurd length in every field, tampered, foreign and out-of-range cursors, wrong-typed
 * query parameters and invalid path values. Every answer must be below 500, and every 4xx problem+json; control
 * characters in a body field must be reported on that field. New endpoints are covered as soon as they are in the
 * document.
 */
public class OpenApiFuzzer {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final JsonMapper json = JsonMapper.builder().build();
    private final JsonNode document;
    private final FuzzTransport transport;
    private int hugeBodyBytes = 2 * 1024 * 1024;
    /** Cursors the lists of this document issued during {@link #discover()}. */
    private final List<String> issuedCursors = new ArrayList<>();
    private final List<String> foreignCursors = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private List<Operation> operations;
    private int sent;

    public OpenApiFuzzer(JsonNode document, FuzzTransport transport) {
        this.document = document;
        this.transport = transport;
    }

    /** The size of the oversized bodies (default 2 MB, twice the default limit); e.g. 30 MB through the gateway. */
    public OpenApiFuzzer hugeBodyBytes(int bytes) {
        this.hugeBodyBytes = bytes;
        return this;
    }

    /** Cursors of other lists (another service's, say) to send as foreign cursors. */
    public OpenApiFuzzer foreignCursors(List<String> cursors) {
        foreignCursors.addAll(cursors);
        return this;
    }

    /**
     * {@link #discover()}, then {@link #walk()}.
     *
     * @return one line per request that got a 5xx, a 4xx without problem+json, or a control character unnamed
     */
    public List<String> run() throws Exception {
        discover();
        return walk();
    }

    /**
     * Asks each list for a page of one and each operation whether it refuses the caller: what the walk builds its
     * cursors and expectations on. The cursors the lists issued are then {@link #cursorsSeen()}, before any hostile
     * request, so that other walks can send them as foreign cursors.
     */
    public OpenApiFuzzer discover() throws Exception {
        operations = operations();
        for (Operation operation : operations) {
            operation.cursorBases = discoverCursors(operation);
            operation.refusesCaller = refusesCaller(operation);
        }
        return this;
    }

    /**
     * Sends every operation its hostile requests; {@link #discover()} first.
     *
     * @return one line per request that got a 5xx, a 4xx without problem+json, or a control character unnamed
     */
    public List<String> walk() throws Exception {
        if (operations == null) {
            throw new IllegalStateException("discover() first: the walk builds on the cursors the lists issue");
        }
        for (Operation operation : operations) {
            for (Probe probe : probes(operation)) {
                check(probe, send(probe.request()));
            }
        }
        return List.copyOf(failures);
    }

    /** Cursors the lists issued during {@link #discover()}: foreign cursors for another service's walk. */
    public List<String> cursorsSeen() {
        return List.copyOf(issuedCursors);
    }

    /** Requests sent so far. */
    public int sent() {
        return sent;
    }

    private FuzzResponse send(FuzzRequest request) throws Exception {
        sent++;
        return transport.send(request);
    }

    private void check(Probe probe, FuzzResponse response) {
        int status = response.status();
        if (status == FuzzResponse.CLOSED_WHILE_SENDING) {
            if (probe.request().body() == null || probe.request().body().length < 1024 * 1024) {
                failures.add(probe.request() + " -> connection closed: " + response.body());
            }
            return;
        }
        if (status >= 500) {
            failures.add(probe.request() + " -> " + status + " " + abbreviate(response.body()));
        }
        else if (status >= 400 && !unparseableTarget(probe.request().uri()) && (response.contentType() == null
                || !response.contentType().startsWith("application/problem+json"))) {
            failures.add(probe.request() + " -> " + status + " without problem+json: " + response.contentType());
        }
        else if (probe.fieldExpected() != null && !(status == 400 && response.body().contains("\"" + probe.fieldExpected() + "\""))) {
            failures.add(probe.request() + " -> " + status + ", expected a 400 naming field '" + probe.fieldExpected()
                    + "': " + abbreviate(response.body()));
        }
    }

    /**
     * A request target with a broken percent-escape, or longer than an HTTP server's request-line limit (4 KB for
     * Netty), may be refused by the HTTP layer before any application code, without a body: only "no 5xx" holds.
     */
    static boolean unparseableTarget(String uri) {
        if (uri.length() > 4000) {
            return true;
        }
        for (int i = uri.indexOf('%'); i >= 0; i = uri.indexOf('%', i + 1)) {
            if (i + 2 >= uri.length() || Character.digit(uri.charAt(i + 1), 16) < 0
                    || Character.digit(uri.charAt(i + 2), 16) < 0) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    // ---- the document

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode node = path.getValue().get(method);
                if (node != null) {
                    operations.add(new Operation(method.toUpperCase(), path.getKey(), node, bodySchema(node)));
                }
            }
        }
        return operations;
    }

    private JsonNode bodySchema(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        for (Map.Entry<String, JsonNode> type : content.properties()) {
            if (type.getKey().contains("json")) {
                return resolve(type.getValue().path("schema"));
            }
        }
        return null;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref != null) {
            String name = ref.asString().substring(ref.asString().lastIndexOf('/') + 1);
            return resolve(document.path("components").path("schemas").path(name));
        }
        return schema;
    }

    // ---- probes

    private record Probe(FuzzRequest request, String fieldExpected) {
    }

    private List<Probe> probes(Operation op) {
        List<Probe> probes = new ArrayList<>();
        String validBody = op.body == null ? null : sample(op.body).toString();
        // invalid path values
        for (JsonNode parameter : op.parameters("path")) {
            for (String value : List.of("not-a-uuid", "A".repeat(3000), "%2F..%2F..%2Fetc", "..%2F", "%00", "%ZZ", "-1",
                    "99999999999999999999999", "%20", "%E2%80%AE", "1%27%20or%20%271%27%3D%271", "%C3%28")) {
                String uri = op.uri(Map.of(parameter.path("name").asString(), value), Map.of());
                probes.add(new Probe(FuzzRequest.of(op.method, uri, validBody, "path " + parameter.path("name").asString()),
                        null));
            }
        }
        // hostile query parameters
        for (JsonNode parameter : op.parameters("query")) {
            String name = parameter.path("name").asString();
            List<String> values = new ArrayList<>(List.of("%00", "a%01b", "%7F", "%ZZ", "A".repeat(5000), "%ED%A0%80"));
            String type = resolve(parameter.path("schema")).path("type").asString();
            if (type.equals("integer") || type.equals("number")) {
                values.addAll(List.of("abc", "-1", "0", "1e400", "99999999999999999999999999", "NaN"));
            }
            if ("uuid".equals(resolve(parameter.path("schema")).path("format").asString())) {
                values.add("not-a-uuid");
            }
            if (name.toLowerCase().contains("cursor")) {
                for (Map<String, String> base : op.cursorBases.keySet()) {
                    for (String cursor : hostileCursors(op.cursorBases.get(base))) {
                        Map<String, String> query = new LinkedHashMap<>(base);
                        query.put(name, cursor);
                        probes.add(new Probe(FuzzRequest.of(op.method, op.uri(Map.of(), query), validBody,
                                "cursor " + op.cursorBases.get(base)), null));
                    }
                }
                // another list's cursor, of this service or another
                values.addAll(issuedCursors);
                values.addAll(foreignCursors);
            }
            for (String value : values) {
                probes.add(new Probe(FuzzRequest.of(op.method, op.uri(Map.of(), Map.of(name, value)), validBody,
                        "query " + name), null));
            }
        }
        if (op.body != null) {
            probes.addAll(bodyProbes(op, validBody));
        }
        return probes;
    }

    /**
     * Whether a public operation that checks credentials of its own (a signed webhook) refuses the walk's caller
     * before it reads a body: then its field-level expectations cannot hold, only "a 4xx problem, never a 5xx".
     */
    private boolean refusesCaller(Operation op) throws Exception {
        if (op.body == null || !op.isPublic()) {
            return false;
        }
        int status = send(FuzzRequest.of(op.method, op.uri(Map.of(), Map.of()), sample(op.body).toString(),
                "valid sample")).status();
        return status == 401 || status == 403;
    }

    private List<Probe> bodyProbes(Operation op, String validBody) {
        String uri = op.uri(Map.of(), Map.of());
        List<Probe> probes = new ArrayList<>();
        for (String body : List.of("{\"name\":", "not json", "", "[]", "null", "\"text\"", "{}", "{\"a\":1}garbage",
                "\u0000", "{\"\u0000\":1}")) {
            probes.add(new Probe(FuzzRequest.of(op.method, uri, body, "malformed body"), null));
        }
        probes.add(new Probe(FuzzRequest.of(op.method, uri, "[".repeat(100_000), "deeply nested arrays"), null));
        probes.add(new Probe(FuzzRequest.of(op.method, uri, "{\"a\":".repeat(50_000), "deeply nested objects"), null));
        byte[] huge = ("{\"x\":\"" + "A".repeat(hugeBodyBytes) + "\"}").getBytes(StandardCharsets.UTF_8);
        probes.add(new Probe(new FuzzRequest(op.method, uri, huge, false, "oversized body"), null));
        probes.add(new Probe(new FuzzRequest(op.method, uri, huge, true, "oversized chunked body"), null));
        // field by field: wrong types, control characters, absurd lengths
        for (Map.Entry<String, JsonNode> property : op.body.path("properties").properties()) {
            String field = property.getKey();
            JsonNode schema = resolve(property.getValue());
            List<Object> wrongTypes = new ArrayList<>(List.of(Map.of("x", 1), List.of(1, 2), true));
            boolean text = "string".equals(schema.path("type").asString());
            wrongTypes.add(text ? (Object) 12345 : "not a " + schema.path("type").asString());
            for (Object wrong : wrongTypes) {
                probes.add(new Probe(FuzzRequest.of(op.method, uri, with(op.body, field, wrong), "wrong type " + field),
                        null));
            }
            probes.add(new Probe(FuzzRequest.of(op.method, uri,
                    with(op.body, field, json.getNodeFactory().numberNode(new java.math.BigDecimal("9".repeat(2000)))),
                    "huge number " + field), null));
            if (text) {
                for (String hostile : List.of("a\u0000b", "\u0000", "x\u0001y", "\u001b[2J", "del\u007f", "\ud800lone")) {
                    probes.add(new Probe(FuzzRequest.of(op.method, uri, with(op.body, field, hostile),
                            "control character in " + field), op.refusesCaller ? null : field));
                }
                probes.add(new Probe(FuzzRequest.of(op.method, uri, with(op.body, field, "x".repeat(100_000)),
                        "huge string " + field), null));
            }
        }
        return probes;
    }

    private String with(JsonNode schema, String field, Object value) {
        ObjectNode body = (ObjectNode) sample(schema);
        body.set(field, json.valueToTree(value));
        return escapeSurrogates(body.toString());
    }

    /** A lone surrogate cannot be encoded as UTF-8; as a JSON escape it reaches the server intact. */
    private static String escapeSurrogates(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (Character.isSurrogate(c)) {
                escaped.append(String.format("\\u%04x", (int) c));
            }
            else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A body the schema would accept, more or less: the probes change one thing at a time. */
    private JsonNode sample(JsonNode schema) {
        schema = resolve(schema);
        String type = schema.path("type").asString();
        String format = schema.path("format").asString();
        // an enumerated field takes one of its values, a field with an example that example: other values are refused
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0).deepCopy();
        }
        if (schema.has("example") && !schema.path("example").isNull() && !schema.has("properties")) {
            return schema.path("example").deepCopy();
        }
        if (schema.has("properties") || type.equals("object")) {
            ObjectNode node = json.createObjectNode();
            for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                node.set(property.getKey(), sample(property.getValue()));
            }
            return node;
        }
        return switch (type) {
            case "integer", "number" -> json.getNodeFactory().numberNode(0);
            case "boolean" -> json.getNodeFactory().booleanNode(false);
            case "array" -> json.createArrayNode();
            default -> json.getNodeFactory().stringNode(switch (format) {
                case "email" -> "fuzz-" + UUID.randomUUID() + "@example.com";
                case "uuid" -> UUID.randomUUID().toString();
                case "date-time" -> "2026-01-01T00:00:00Z";
                case "date" -> "2026-01-01";
                default -> "fuzz";
            });
        };
    }

    // ---- cursors

    /**
     * Asks each list for a page of one (under every value of an enumerated parameter, such as a sort) to learn the
     * list names its cursors carry, so that tampered cursors pass the list check and reach the key checks.
     *
     * @return the query (without cursor) that issued a cursor, and the list name the cursor carried
     */
    private Map<Map<String, String>, String> discoverCursors(Operation op) throws Exception {
        Map<Map<String, String>, String> bases = new LinkedHashMap<>();
        if (!op.method.equals("GET") || op.parameters("query").stream()
            .noneMatch(p -> p.path("name").asString().toLowerCase().contains("cursor"))) {
            return bases;
        }
        List<Map<String, String>> queries = new ArrayList<>();
        queries.add(new LinkedHashMap<>());
        for (JsonNode parameter : op.parameters("query")) {
            JsonNode values = resolve(parameter.path("schema")).path("enum");
            if (values.isArray() && !values.isEmpty()) {
                queries.clear();
                for (JsonNode value : values) {
                    queries.add(new LinkedHashMap<>(Map.of(parameter.path("name").asString(), value.asString())));
                }
                break;
            }
        }
        boolean sized = op.parameters("query").stream().anyMatch(p -> p.path("name").asString().equals("size"));
        for (Map<String, String> query : queries) {
            Map<String, String> asked = new LinkedHashMap<>(query);
            if (sized) {
                asked.put("size", "1");
            }
            FuzzResponse response = send(FuzzRequest.of("GET", op.uri(Map.of(), asked), null, "discover cursor"));
            String list = "unknown";
            if (response.status() == 200) {
                JsonNode next = json.readTree(response.body()).path("nextCursor");
                if (next.isString()) {
                    issuedCursors.add(next.asString());
                    String decoded = new String(Base64.getUrlDecoder().decode(next.asString()), StandardCharsets.UTF_8);
                    list = decoded.substring(0, Math.max(0, decoded.indexOf('|')));
                }
            }
            bases.put(query, list);
        }
        return bases;
    }

    private static List<String> hostileCursors(String list) {
        String id = UUID.randomUUID().toString();
        List<String> cursors = new ArrayList<>(List.of("garbage", "Zm9v", "A".repeat(5000), "%00", "====", "-_-_"));
        for (String key : List.of("+300000-01-01T00:00:00Z", "-290000-01-01T00:00:00Z", "a\u0000b", "\u0000",
                "x\u0001", "2026-01-01T00:00:00Z", "n".repeat(3000), "")) {
            cursors.add(cursor(list + "|" + key + "|" + id));
        }
        cursors.add(cursor(list + "|2026-01-01T00:00:00Z|not-a-uuid"));
        cursors.add(cursor(list + "|2026-01-01T00:00:00Z"));
        cursors.add(cursor("another.list|2026-01-01T00:00:00Z|" + id));
        cursors.add(cursor("2026-01-01T00:00:00Z|" + id));
        return cursors;
    }

    private static String cursor(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private final class Operation {

        final String method;
        final String path;
        final JsonNode node;
        final JsonNode body;
        Map<Map<String, String>, String> cursorBases = Map.of();
        boolean refusesCaller;

        Operation(String method, String path, JsonNode node, JsonNode body) {
            this.method = method;
            this.path = path;
            this.node = node;
            this.body = body;
        }

        /** An empty {@code security} list: callable without the API's token. */
        boolean isPublic() {
            JsonNode security = node.get("security");
            return security != null && security.isArray() && security.isEmpty();
        }

        List<JsonNode> parameters(String in) {
            List<JsonNode> parameters = new ArrayList<>();
            for (JsonNode parameter : node.path("parameters")) {
                JsonNode resolved = resolve(parameter);
                if (in.equals(resolved.path("in").asString())) {
                    parameters.add(resolved);
                }
            }
            return parameters;
        }

        /**
         * The path with samples for its parameters unless {@code pathValues} (raw, already encoded) says otherwise,
         * and the query: required parameters' samples, then {@code query} (raw values) over them.
         */
        String uri(Map<String, String> pathValues, Map<String, String> query) {
            String uri = path;
            for (JsonNode parameter : parameters("path")) {
                String name = parameter.path("name").asString();
                String value = pathValues.getOrDefault(name, sample(parameter.path("schema")).asString());
                uri = uri.replace("{" + name + "}", pathValues.containsKey(name) ? value : encode(value));
            }
            Map<String, String> all = new LinkedHashMap<>();
            for (JsonNode parameter : parameters("query")) {
                if (parameter.path("required").asBoolean(false)) {
                    all.put(parameter.path("name").asString(), encode(sample(parameter.path("schema")).asString()));
                }
            }
            query.forEach((name, value) -> all.put(name, rawOrEncoded(value)));
            StringBuilder text = new StringBuilder(uri);
            Iterator<Map.Entry<String, String>> entries = all.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<String, String> entry = entries.next();
                text.append(text.indexOf("?") < 0 ? '?' : '&').append(encode(entry.getKey())).append('=')
                    .append(entry.getValue());
            }
            return text.toString();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Values holding a '%' are sent as written (deliberately broken encodings); the others are encoded. */
    private static String rawOrEncoded(String value) {
        return value.contains("%") ? value : encode(value);
    }
}
