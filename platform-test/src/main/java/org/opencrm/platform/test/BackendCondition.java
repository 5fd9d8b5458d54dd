package org.opencrm.platform.test;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Picks the Testcontainers or the local-process wiring, the same way {@link TestInfrastructure} picks backends. */
final class BackendCondition {

    private BackendCondition() {
    }

    static final class Containers implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return TestInfrastructure.usesContainers();
        }
    }

    static final class LocalProcesses implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !TestInfrastructure.usesContainers();
        }
    }
}
