package org.opencrm.platform.json;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request body type whose JSON may hold only its own properties: an unknown one is a 400 naming it, where Boot's
 * mapper otherwise skips it. For definitions a client composes (a report's query, a dashboard layout), where a
 * misspelt property silently dropped answers a different question than the one asked.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RejectUnknownProperties {
}
