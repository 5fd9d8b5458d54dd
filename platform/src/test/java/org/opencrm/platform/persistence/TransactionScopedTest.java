package org.opencrm.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

class TransactionScopedTest {

    private static final Object KEY = new Object();

    private final List<String> events = new ArrayList<>();

    private final TransactionTemplate transaction = new TransactionTemplate(new Transactions());

    @Test
    void aTransactionHasOneUnderAKeyWhichHearsOfItsCommit() {
        transaction.executeWithoutResult(status -> {
            Recorder first = TransactionScoped.get(KEY, () -> new Recorder("outer"));
            assertThat(TransactionScoped.get(KEY, () -> new Recorder("another"))).isSameAs(first);
            assertThat(TransactionScoped.<Recorder>find(KEY)).isSameAs(first);
        });
        assertThat(events).containsExactly("outer created", "outer committed");
        assertThat(TransactionSynchronizationManager.hasResource(KEY)).isFalse();
    }

    @Test
    void aTransactionRunInsideAnotherHasItsOwnAndTheOuterOneFindsItsAgainAfterwards() {
        TransactionTemplate inner = new TransactionTemplate(transaction.getTransactionManager());
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        transaction.executeWithoutResult(status -> {
            Recorder outer = TransactionScoped.get(KEY, () -> new Recorder("outer"));
            inner.executeWithoutResult(nested -> {
                assertThat(TransactionScoped.<Recorder>find(KEY)).isNull();
                assertThat(TransactionScoped.get(KEY, () -> new Recorder("inner"))).isNotSameAs(outer);
            });
            assertThat(TransactionScoped.<Recorder>find(KEY)).isSameAs(outer);
        });
        assertThat(events).containsExactly("outer created", "inner created", "inner committed", "outer committed");
    }

    @Test
    void outsideATransactionThereIsNone() {
        assertThat(TransactionScoped.get(KEY, () -> new Recorder("none"))).isNull();
        assertThat(TransactionScoped.<Recorder>find(KEY)).isNull();
        assertThat(events).isEmpty();
    }

    private final class Recorder implements TransactionSynchronization {

        private final String name;

        Recorder(String name) {
            this.name = name;
            events.add(name + " created");
        }

        @Override
        public void afterCommit() {
            events.add(name + " committed");
        }
    }

    /** Transactions with synchronization and suspension and nothing behind them. */
    private static final class Transactions extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return TransactionSynchronizationManager.isActualTransactionActive();
        }

        @Override
        protected boolean isExistingTransaction(Object transaction) {
            return (Boolean) transaction;
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected Object doSuspend(Object transaction) {
            return transaction;
        }

        @Override
        protected void doResume(Object transaction, Object suspendedResources) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
