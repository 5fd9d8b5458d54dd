package org.opencrm.activity.api;

/** Optional body of complete and cancel: the version the client read (a change made meanwhile is then a 409). */
public record VersionRequest(Long version) {
}
