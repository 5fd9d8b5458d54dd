package org.opencrm.platform.inbox;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prepares a rebuild of this consumer's read models from the topics: in one transaction it forgets every event id
 * the consumer applied and resets the read models, so that the replayed events apply again and nothing is applied
 * twice. The replay itself is the consumer group's offsets reset to the earliest (with the service stopped): see
 * the platform README, "Replaying a read model".
 */
public class ReadModelReplay {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final List<ReadModel> readModels;
    private final String consumer;

    public ReadModelReplay(JdbcClient jdbc, TransactionTemplate transaction, List<ReadModel> readModels,
            String consumer) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.readModels = readModels;
        this.consumer = consumer;
    }

    /** @return how many inbox rows were forgotten */
    public int reset() {
        Integer forgotten = transaction.execute(status -> {
            int rows = jdbc.sql("delete from inbox_event where consumer = :consumer")
                .param("consumer", consumer)
                .update();
            readModels.forEach(ReadModel::reset);
            return rows;
        });
        return forgotten == null ? 0 : forgotten;
    }
}
