package org.opencrm.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One version of an operator's CustomResourceDefinition, its {@code openAPIV3Schema} checked the way
 * {@code kubectl apply} (strict field validation, the default) checks an object: a field the schema does not declare
 * is an error, not silently pruned. Structural schemas allow unknown fields only where they say
 * {@code x-kubernetes-preserve-unknown-fields}, so every other object schema gets {@code additionalProperties: false}.
 */
final class CrdSchema {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

    private final String apiVersion;
    private final String kind;
    private final Schema schema;

    private CrdSchema(String apiVersion, String kind, Schema schema) {
        this.apiVersion = apiVersion;
        this.kind = kind;
        this.schema = schema;
    }

    /** The served version {@code version} of the CRD in {@code file}. */
    static CrdSchema of(Path file, String version) {
        try {
            return of(YAML.readTree(Files.readString(file)), version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CrdSchema of(JsonNode crd, String version) {
        JsonNode spec = crd.path("spec");
        for (JsonNode served : spec.path("versions")) {
            if (served.path("name").asString().equals(version) && served.path("served").asBoolean()) {
                JsonNode openApi = served.at("/schema/openAPIV3Schema");
                return new CrdSchema(spec.path("group").asString() + "/" + version,
                    spec.at("/names/kind").asString(), SCHEMAS.getSchema(strict(openApi, true)));
            }
        }
        throw new IllegalArgumentException(crd.at("/metadata/name").asString() + " serves no " + version);
    }

    String apiVersion() {
        return apiVersion;
    }

    String kind() {
        return kind;
    }

    /** What is wrong with {@code object} (empty when the operator's API server would take it). */
    List<String> violations(JsonNode object) {
        if (!object.path("apiVersion").asString().equals(apiVersion) || !object.path("kind").asString().equals(kind)) {
            return List.of("not a " + apiVersion + " " + kind + ": " + object.path("apiVersion").asString() + " "
                + object.path("kind").asString());
        }
        return schema.validate(object).stream().map(Error::toString).toList();
    }

    /** {@code closed}: false inside anyOf/oneOf/allOf/not, whose branches only constrain the fields declared above. */
    private static JsonNode strict(JsonNode node, boolean closed) {
        if (!node.isObject()) {
            return node;
        }
        ObjectNode schema = ((ObjectNode) node).deepCopy();
        if (schema.path("properties").isObject()) {
            ObjectNode properties = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                properties.set(property.getKey(), strict(property.getValue(), true));
            }
            schema.set("properties", properties);
        }
        if (schema.has("items")) {
            schema.set("items", strict(schema.get("items"), true));
        }
        if (schema.path("additionalProperties").isObject()) {
            schema.set("additionalProperties", strict(schema.get("additionalProperties"), true));
        }
        for (String combinator : List.of("anyOf", "oneOf", "allOf")) {
            if (schema.path(combinator).isArray()) {
                ArrayNode branches = JsonNodeFactory.instance.arrayNode();
                schema.get(combinator).forEach(branch -> branches.add(strict(branch, false)));
                schema.set(combinator, branches);
            }
        }
        if (schema.has("not")) {
            schema.set("not", strict(schema.get("not"), false));
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean() && !schema.has("type") && !schema.has("anyOf")) {
            ArrayNode either = schema.putArray("anyOf");
            either.addObject().put("type", "integer");
            either.addObject().put("type", "string");
        }
        if (schema.path("nullable").asBoolean() && schema.path("type").isString()) {
            ArrayNode types = JsonNodeFactory.instance.arrayNode().add(schema.get("type").asString()).add("null");
            schema.set("type", types);
        }
        boolean object = schema.path("type").asString("").equals("object") || schema.has("properties");
        if (closed && object && schema.has("properties") && !schema.has("additionalProperties")
            && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
            schema.put("additionalProperties", false);
        }
        return schema;
    }
}
