package org.opencrm.platform.test;

/** Where the test Redis server listens (no password, database 0). */
public record RedisEndpoint(String host, int port) {
}
