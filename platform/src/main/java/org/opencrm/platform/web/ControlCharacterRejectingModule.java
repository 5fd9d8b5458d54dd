package org.opencrm.platform.web;

import java.util.UUID;

import org.opencrm.platform.text.ControlCharacters;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.jdk.UUIDDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses control characters in every string a request body binds to, for all services at once: the resulting
 * {@code InvalidFormatException} carries the field's path, which {@link ProblemDetailsAdvice} reports as a field error
 * (400), instead of the text reaching PostgreSQL (which refuses NUL) or other systems.
 */
public class ControlCharacterRejectingModule extends SimpleModule {

    public ControlCharacterRejectingModule() {
        super("crm-control-characters");
        addDeserializer(String.class, new RejectingStringDeserializer());
        addDeserializer(UUID.class, new RejectingUuidDeserializer());
    }

    static class RejectingStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String value = super.deserialize(parser, context);
            if (value != null && ControlCharacters.contains(value)) {
                return (String) context.handleWeirdStringValue(String.class, value, CONTROL_CHARACTERS_MESSAGE);
            }
            return value;
        }
    }

    /**
     * Jackson trims an id before parsing it and takes what is left empty as null: {@code "\u0001"} became "no lead"
     * for an optional id instead of the 400 that every other bad id gets.
     */
    static class RejectingUuidDeserializer extends UUIDDeserializer {

        @Override
        public UUID deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            if (parser.hasToken(JsonToken.VALUE_STRING) && ControlCharacters.contains(parser.getString())) {
                return (UUID) context.handleWeirdStringValue(UUID.class, parser.getString(),
                        CONTROL_CHARACTERS_MESSAGE);
            }
            return super.deserialize(parser, context);
        }
    }

    /** Shown to clients as the field's message. */
    public static final String CONTROL_CHARACTERS_MESSAGE = "must not contain control characters";
}
