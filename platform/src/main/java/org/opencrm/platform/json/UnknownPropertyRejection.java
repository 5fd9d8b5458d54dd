package org.opencrm.platform.json;

import org.springframework.core.annotation.AnnotatedElementUtils;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Fails on an unknown property of a {@link RejectUnknownProperties} type, whatever the mapper's
 * {@code FAIL_ON_UNKNOWN_PROPERTIES} (problem handlers are asked before it is).
 */
public class UnknownPropertyRejection extends DeserializationProblemHandler {

    @Override
    public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
            ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws JacksonException {
        Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
        if (AnnotatedElementUtils.hasAnnotation(type, RejectUnknownProperties.class)) {
            throw UnrecognizedPropertyException.from(parser, beanOrClass, propertyName,
                    deserializer == null ? null : deserializer.getKnownPropertyNames());
        }
        return false;
    }
}
