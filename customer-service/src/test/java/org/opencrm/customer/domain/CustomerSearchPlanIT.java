package org.opencrm.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencrm.platform.test.IndexUse;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Searches by tag and by text: a common tag walks the newest-first index and stops after a page, counting nothing; a
 * tag few live customers carry is read through the tag index after a bounded look, never by walking the newest-first
 * index past every customer (as the planner would, misled by the tag's statistics); a common tag that only older
 * customers carry is walked to. A text few customers match (a name looked up) is read through the trigram indexes in
 * the same way. A count stops one beyond its cap. The customers are loaded once, in a transaction rolled back after
 * the last test (no other test sees them); each test reads which indexes its list used from that transaction's
 * statistics, before and after, and leaves it as it found it.
 */
@ServiceIntegrationTest
@TestPropertySource(locations = "classpath:customer-test.properties")
@TestInstance(Lifecycle.PER_CLASS)
class CustomerSearchPlanIT {

    /** Half of them live: twice the bounded walk. */
    private static final int CUSTOMERS = 4 * CustomerSearch.BOUNDED_WALK;
    private static final int SEASONED = 4000;
    private static final int PAGE = 25;

    @Autowired
    CustomerSearch search;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String common = "common-" + run;
    final String rare = "rare-" + run;
    final String seasoned = "seasoned-" + run;

    @RegisterExtension
    final IndexUse indexUse = IndexUse.afterLoading(this::insertCustomers);

    @Test
    void readsARareTagThroughTheTagIndex() {
        List<CustomerRow> page = newestWith(rare);

        assertThat(page).extracting(CustomerRow::name).containsExactly("Rare 5", "Rare 3", "Rare 1");
        assertThat(indexUse.scans("customer_tags")).isPositive();
        // one bounded walk, not a walk of every live customer (twice as many here): row versions other tests left
        // in the index (rolled back, deleted) are returned by the scan too and may add a few
        assertThat(indexUse.entriesRead("customer_created_keyset")).isLessThan(2 * CustomerSearch.BOUNDED_WALK);
    }

    @Test
    void walksTheNewestFirstIndexForACommonTagWithoutCountingIt() {
        List<CustomerRow> page = newestWith(common);

        assertThat(page).hasSize(PAGE + 1);
        assertThat(page.get(0).name()).isEqualTo("Customer " + (CUSTOMERS - 1));
        assertThat(indexUse.scans("customer_created_keyset")).isPositive();
        assertThat(indexUse.scans("customer_tags")).isZero();
    }

    @Test
    void walksOnToACommonTagThatOnlyOlderCustomersCarry() {
        List<CustomerRow> page = newestWith(seasoned);

        assertThat(page).hasSize(PAGE + 1);
        assertThat(page).extracting(CustomerRow::name).startsWith("Customer " + (SEASONED - 1),
                "Customer " + (SEASONED - 3));
        assertThat(indexUse.entriesRead("customer_created_keyset")).isGreaterThan(CustomerSearch.BOUNDED_WALK);
    }

    @Test
    void sortsTheMatchesOfACommonTagThatLiesBeyondTheLongerWalk() {
        // a longer walk no longer than the first: the seasoned customers (the oldest) lie beyond it
        CustomerSearch shortWalks = new CustomerSearch(jdbc, dataSource, transactions, CustomerSearch.BOUNDED_WALK);
        List<CustomerRow> page = shortWalks.page(new CustomerFilter(null, seasoned, null), CustomerSort.CREATED,
                null, PAGE);

        assertThat(page).hasSize(PAGE + 1);
        assertThat(page).extracting(CustomerRow::name).startsWith("Customer " + (SEASONED - 1),
                "Customer " + (SEASONED - 3));
        // the first walk, the count, the longer walk, then the tag's matches read through its index and sorted
        assertThat(indexUse.scans("customer_tags")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void readsARareTextThroughTheTrigramIndexes() {
        List<CustomerRow> page = newestMatching("rare ");

        assertThat(page).extracting(CustomerRow::name).containsExactly("Rare 5", "Rare 3", "Rare 1");
        assertThat(indexUse.scans("customer_name_trgm")).isPositive();
        // the bounded walk only (the entries it reads include row versions other tests left in the index)
        assertThat(indexUse.scans("customer_created_keyset")).isOne();
    }

    @Test
    void walksTheNewestFirstIndexForACommonTextWithoutCountingIt() {
        List<CustomerRow> page = newestMatching("customer ");

        assertThat(page).hasSize(PAGE + 1);
        assertThat(page.get(0).name()).isEqualTo("Customer " + (CUSTOMERS - 1));
        assertThat(indexUse.scans("customer_name_trgm")).isZero();
    }

    @Test
    void findsAShortTextWithoutAnIndexByWalkingInOrder() {
        List<CustomerRow> page = newestMatching("ra");

        assertThat(page).extracting(CustomerRow::name).containsExactly("Rare 5", "Rare 3", "Rare 1");
        assertThat(indexUse.scans("customer_name_trgm")).isZero();
    }

    @Test
    void countsTheLiveCustomersOfARareTagExactly() {
        // the deleted ones, half the customers, carry it too
        assertThat(search.count(new CustomerFilter(null, rare, null), 100)).isEqualTo(3);
    }

    @Test
    void countsACommonTextOnlyUpToOneBeyondTheCap() {
        // every live customer's email holds it: 10,000 of them
        assertThat(search.count(new CustomerFilter(common, null, null), 1000)).isEqualTo(1001);
        assertThat(search.count(new CustomerFilter(common, null, null), 20_000)).isEqualTo(CUSTOMERS / 2);
    }

    /**
     * Half the customers were deleted, all of them carrying the rare tag (an import undone, say): to the planner the
     * tag is common. Among the live customers three of the oldest carry it; every live one carries the common tag; the
     * oldest live ones, 2,000 of them, the seasoned tag.
     */
    private void insertCustomers() {
        jdbc.sql("select set_config('statement_timeout', '60s', true)").query().singleRow();
        jdbc.sql("""
                insert into customer (id, name, email, tags, created_at, updated_at, version, deleted_at)
                select gen_random_uuid(), case when g <= 5 and g % 2 = 1 then 'Rare ' else 'Customer ' end || g,
                       g || '@' || :common,
                       case when g % 2 = 0 then array[cast(:rare as text)]
                            else array[cast(:common as text)]
                                 || case when g <= 5 then array[cast(:rare as text)] else '{}' end
                                 || case when g <= :seasonedUpTo then array[cast(:seasoned as text)] else '{}' end
                       end,
                       timestamptz '2001-01-01' + g * interval '1 minute', now(), 0,
                       case when g % 2 = 0 then now() end
                from generate_series(1, :customers) g""")
            .param("common", common).param("rare", rare).param("seasoned", seasoned).param("seasonedUpTo", SEASONED)
            .param("customers", CUSTOMERS).update();
        jdbc.sql("analyze customer").update();
    }

    private List<CustomerRow> newestMatching(String text) {
        return search.page(new CustomerFilter(text, null, null), CustomerSort.CREATED, null, PAGE);
    }

    private List<CustomerRow> newestWith(String tag) {
        return search.page(new CustomerFilter(null, tag, null), CustomerSort.CREATED, null, PAGE);
    }
}
