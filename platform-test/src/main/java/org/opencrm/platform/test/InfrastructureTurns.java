package org.opencrm.platform.test;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Turns on the test infrastructure that {@code ./crm test} starts once for the modules it builds at once: a test
 * class marked {@link InterruptsInfrastructure} runs alone, every other one beside any but such a class. Each test
 * class holds its turn ({@link TestClassTurns}, on a file in the test infrastructure's work dir) from its first test
 * to its last.
 * <p>
 * Registered for every integration test by the build (JUnit's extension auto-detection, see the failsafe plugin's
 * configuration); it does nothing in a JVM whose infrastructure is its own (containers, or started by the test).
 */
public final class InfrastructureTurns implements BeforeAllCallback, AfterAllCallback {

    private static final Once<TestClassTurns> TURNS = new Once<>("the test class turns", () -> new TestClassTurns(
            Path.of(System.getenv(LocalInfrastructure.WORK_DIR), "test-turns.lock")));

    @Override
    public void beforeAll(ExtensionContext context) {
        if (isTopLevel(context) && shared()) {
            TURNS.get().take(context.getRequiredTestClass().isAnnotationPresent(InterruptsInfrastructure.class));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (isTopLevel(context) && shared()) {
            TURNS.get().release();
        }
    }

    /** Fails unless this JVM may make the shared infrastructure unavailable: its test class runs alone. */
    static void requireAlone() {
        if (shared() && !TURNS.get().alone()) {
            throw new IllegalStateException("a test that interrupts the shared test infrastructure runs alone: mark its "
                    + "class @" + InterruptsInfrastructure.class.getSimpleName());
        }
    }

    /** Whether this JVM runs on the infrastructure {@code ./crm test} shares between the JVMs of the build. */
    private static boolean shared() {
        return LocalInfrastructure.provided() && System.getenv(LocalInfrastructure.WORK_DIR) != null
                && !TestInfrastructure.usesContainers();
    }

    private static boolean isTopLevel(ExtensionContext context) {
        return context.getParent().flatMap(ExtensionContext::getTestClass).isEmpty();
    }
}
