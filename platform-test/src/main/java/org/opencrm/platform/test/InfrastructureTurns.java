package org.opencrm.platform.test;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Turns on the test infrastructure that {@code ./crm test} starts once for the modules it builds at once: a test
 * marked {@link InterruptsInfrastructure} runs alone, every other one beside any but such a test. Each test class holds
 * its turn ({@link TestClassTurns}, on a file in the test infrastructure's work dir) from its first test to its last;
 * a marked test method of an unmarked class trades the class's turn for a turn alone while it runs.
 * <p>
 * Registered for every integration test by the build (JUnit's extension auto-detection, see the failsafe plugin's
 * configuration); it does nothing in a JVM whose infrastructure is its own (containers, or started by the test).
 */
public final class InfrastructureTurns implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

    private static final Once<TestClassTurns> TURNS = new Once<>("the test class turns", () -> new TestClassTurns(
            Path.of(System.getenv(LocalInfrastructure.WORK_DIR), "test-turns.lock")));

    private final Supplier<TestClassTurns> turns;

    private final BooleanSupplier shared;

    /** The test methods that traded their class's turn for one alone, to trade back after them. */
    private final Set<String> traded = ConcurrentHashMap.newKeySet();

    public InfrastructureTurns() {
        this(TURNS::get, InfrastructureTurns::shared);
    }

    InfrastructureTurns(Supplier<TestClassTurns> turns, BooleanSupplier shared) {
        this.turns = turns;
        this.shared = shared;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (isTopLevel(context) && shared.getAsBoolean()) {
            turns.get().take(context.getRequiredTestClass().isAnnotationPresent(InterruptsInfrastructure.class));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (isTopLevel(context) && shared.getAsBoolean()) {
            turns.get().release();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (shared.getAsBoolean() && context.getRequiredTestMethod().isAnnotationPresent(InterruptsInfrastructure.class)
                && !turns.get().alone()) {
            turns.get().release();
            turns.get().take(true);
            traded.add(context.getUniqueId());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (traded.remove(context.getUniqueId())) {
            turns.get().release();
            turns.get().take(false);
        }
    }

    /** Fails unless this JVM may make the shared infrastructure unavailable: its test runs alone. */
    static void requireAlone() {
        if (shared() && !TURNS.get().alone()) {
            throw new IllegalStateException("a test that interrupts the shared test infrastructure runs alone: mark its "
                    + "test (or its class) @" + InterruptsInfrastructure.class.getSimpleName());
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
