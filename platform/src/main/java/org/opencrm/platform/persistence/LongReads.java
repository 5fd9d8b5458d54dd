package org.opencrm.platform.persistence;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Reads that outlast the pool's statement timeout and hold more rows than memory should: an export of a million rows,
 * read from a cursor as it is written out. PostgreSQL keeps a cursor only inside a transaction, so both belong in one.
 */
public final class LongReads {

    private LongReads() {
    }

    /** Lets the current transaction's statements run {@code timeout}: the pool's is for interactive reads. */
    public static void allowInThisTransaction(JdbcOperations jdbc, Duration timeout) {
        jdbc.execute("set local statement_timeout = " + timeout.toMillis());
    }

    /** Queries that fetch {@code fetchSize} rows at a time from a cursor, not every row at once. */
    public static NamedParameterJdbcTemplate fetching(DataSource dataSource, int fetchSize) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(fetchSize);
        return new NamedParameterJdbcTemplate(template);
    }
}
