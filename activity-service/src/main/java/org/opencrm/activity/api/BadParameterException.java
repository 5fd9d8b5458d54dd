package org.opencrm.activity.api;

/** A query parameter with a value the API does not take (answered with 400, naming it). */
class BadParameterException extends RuntimeException {

    private final String parameter;

    BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
