package org.opencrm.platform.test;

import java.util.function.Supplier;

/**
 * A value computed on first use and then shared by the whole JVM. A failure is remembered too, so that the tests after
 * the first one fail fast with the same cause instead of waiting for another start-up.
 */
final class Once<T> implements Supplier<T> {

    private final String what;

    private final Supplier<T> factory;

    private T value;

    private RuntimeException failure;

    Once(String what, Supplier<T> factory) {
        this.what = what;
        this.factory = factory;
    }

    @Override
    public synchronized T get() {
        if (value == null && failure == null) {
            try {
                value = factory.get();
            }
            catch (RuntimeException | Error ex) {
                failure = new IllegalStateException("could not start " + what + ": " + ex.getMessage(), ex);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return value;
    }
}
