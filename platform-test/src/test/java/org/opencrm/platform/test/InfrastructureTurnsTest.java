package org.opencrm.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;

class InfrastructureTurnsTest {

    @TempDir
    Path dir;

    @Test
    void aMarkedTestOfAnUnmarkedClassRunsAloneAndItsClassThenBesideTheOthersAgain() throws Exception {
        TestClassTurns turns = new TestClassTurns(dir.resolve("turns.lock"));
        InfrastructureTurns extension = new InfrastructureTurns(() -> turns, () -> true);
        ExtensionContext theClass = classContext(Outages.class);

        extension.beforeAll(theClass);
        assertThat(turns.alone()).isFalse();

        ExtensionContext outage = methodContext(Outages.class.getDeclaredMethod("interrupts"));
        extension.beforeEach(outage);
        assertThat(turns.alone()).isTrue();
        extension.afterEach(outage);
        assertThat(turns.alone()).isFalse();

        ExtensionContext other = methodContext(Outages.class.getDeclaredMethod("besideTheOthers"));
        extension.beforeEach(other);
        assertThat(turns.alone()).isFalse();
        extension.afterEach(other);

        extension.afterAll(theClass);
        assertThat(turns.alone()).isFalse();
        // released: the turn can be taken again
        turns.take(true);
        turns.release();
    }

    @Test
    void aMarkedClassRunsAloneFromItsFirstTestToItsLast() throws Exception {
        TestClassTurns turns = new TestClassTurns(dir.resolve("turns.lock"));
        InfrastructureTurns extension = new InfrastructureTurns(() -> turns, () -> true);
        ExtensionContext theClass = classContext(AllOutages.class);

        extension.beforeAll(theClass);
        ExtensionContext test = methodContext(AllOutages.class.getDeclaredMethod("interrupts"));
        extension.beforeEach(test);
        extension.afterEach(test);
        assertThat(turns.alone()).isTrue();

        extension.afterAll(theClass);
        assertThat(turns.alone()).isFalse();
    }

    @Test
    void takesNoTurnOnInfrastructureOfItsOwn() throws Exception {
        TestClassTurns turns = new TestClassTurns(dir.resolve("turns.lock"));
        InfrastructureTurns extension = new InfrastructureTurns(() -> turns, () -> false);

        extension.beforeAll(classContext(Outages.class));
        extension.beforeEach(methodContext(Outages.class.getDeclaredMethod("interrupts")));

        assertThat(turns.alone()).isFalse();
        // no turn held: a turn alone is free to take
        turns.take(true);
        turns.release();
    }

    private static ExtensionContext classContext(Class<?> testClass) {
        ExtensionContext engine = mock(ExtensionContext.class);
        when(engine.getTestClass()).thenReturn(Optional.empty());
        ExtensionContext context = mock(ExtensionContext.class);
        when(context.getParent()).thenReturn(Optional.of(engine));
        when(context.getRequiredTestClass()).thenAnswer(invocation -> testClass);
        return context;
    }

    private static ExtensionContext methodContext(Method method) {
        ExtensionContext context = mock(ExtensionContext.class);
        when(context.getRequiredTestMethod()).thenReturn(method);
        when(context.getUniqueId()).thenReturn("[method:" + method.getName() + "()]");
        return context;
    }

    static class Outages {

        @InterruptsInfrastructure
        void interrupts() {
        }

        void besideTheOthers() {
        }
    }

    @InterruptsInfrastructure
    static class AllOutages {

        void interrupts() {
        }
    }
}
