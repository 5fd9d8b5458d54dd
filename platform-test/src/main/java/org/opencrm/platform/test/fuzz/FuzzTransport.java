package org.opencrm.platform.test.fuzz;

/**
 * Sends a {@link FuzzRequest} with whatever credentials the test holds: MockMvc with a test JWT against one service,
 * or {@link HttpFuzzTransport} with a real token through the gateway.
 */
@FunctionalInterface
public interface FuzzTransport {

    FuzzResponse send(FuzzRequest request) throws Exception;
}
