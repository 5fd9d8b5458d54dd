package org.opencrm.platform.web;

/** Answered with 404 problem details. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String resource, Object id) {
        super(resource + " " + id + " does not exist.");
    }
}
