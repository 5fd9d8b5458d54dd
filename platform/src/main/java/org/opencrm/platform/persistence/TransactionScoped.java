package org.opencrm.platform.persistence;

import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One synchronization per transaction and key, found again in constant time: bound as a resource of the transaction
 * while it runs, unbound while it is suspended for another one and when it completes. Searching
 * {@link TransactionSynchronizationManager#getSynchronizations()} instead copies and sorts every registered one on each
 * call: an import of 10,000 customers, each registering its own, spent most of its time there.
 */
public final class TransactionScoped {

    private TransactionScoped() {
    }

    /**
     * The transaction's synchronization under {@code key}, registered from {@code create} on first use; null outside a
     * transaction with synchronization.
     */
    @SuppressWarnings("unchecked")
    public static <T extends TransactionSynchronization> T get(Object key, Supplier<T> create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        T bound = (T) TransactionSynchronizationManager.getResource(key);
        if (bound != null) {
            return bound;
        }
        T created = create.get();
        TransactionSynchronizationManager.registerSynchronization(created);
        TransactionSynchronizationManager.registerSynchronization(new Binding(key, created));
        TransactionSynchronizationManager.bindResource(key, created);
        return created;
    }

    /** The transaction's synchronization under {@code key} if it has one yet. */
    @SuppressWarnings("unchecked")
    public static <T extends TransactionSynchronization> T find(Object key) {
        return TransactionSynchronizationManager.isSynchronizationActive()
                ? (T) TransactionSynchronizationManager.getResource(key)
                : null;
    }

    /** Keeps the binding with its transaction: away while another one runs, gone once it completes. */
    private record Binding(Object key, Object value) implements TransactionSynchronization {

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(key);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(key, value);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }
    }
}
