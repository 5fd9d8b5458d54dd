package org.opencrm.lead.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencrm.platform.test.IndexUse;
import org.opencrm.platform.test.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The text search: a common term walks the newest-first index and stops after a page, counting nothing; a term few
 * leads match by title or by customer name (a deal or a customer looked up) is read through the trigram indexes after
 * a bounded look, never by walking the newest-first index past every lead (as the planner would, misled by a
 * substring's guessed share). The leads are loaded once, in a transaction rolled back after the last test (no other
 * test sees them, nor scores or counts them); each test reads which indexes its list used from that transaction's
 * statistics, before and after, and leaves it as it found it.
 */
@ServiceIntegrationTest
// A context (and connection pool) of its own: in the one the other ITs share, the bounded walk twice ran a second
// time (2 of 5 runs), likely a generic plan of statements those tests had run five times on the same connections
@TestPropertySource(locations = "classpath:lead-test.properties",
        properties = "spring.datasource.hikari.pool-name=lead-search-plan")
@TestInstance(Lifecycle.PER_CLASS)
class LeadSearchPlanIT {

    private static final int LEADS = 4 * LeadSearch.BOUNDED_WALK;
    private static final int PAGE = 25;

    @Autowired
    LeadSearch search;

    @Autowired
    JdbcClient jdbc;

    /** This class's word in titles and names: other tests' leads stay in the database. */
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String rareCustomer = "Zephyr " + run;

    @RegisterExtension
    final IndexUse indexUse = IndexUse.afterLoading(this::insertLeads);

    @Test
    void readsALeadWithARareTitleThroughTheTrigramIndexes() {
        List<LeadRow> page = newestMatching("rare " + run);

        assertThat(page).extracting(LeadRow::title)
            .containsExactly(title("Rare", 5), title("Rare", 3), title("Rare", 1));
        assertThat(indexUse.scans("lead_title_trgm")).isPositive();
        // at most the bounded walk (at this size the planner may read those 5,000 leads without the index), never a
        // second walk to the matches
        assertThat(indexUse.scans("lead_created_keyset")).isLessThanOrEqualTo(1);
    }

    @Test
    void findsTheLeadsOfACustomerWithARareName() {
        List<LeadRow> page = newestMatching(rareCustomer.toLowerCase());

        assertThat(page).extracting(LeadRow::title).containsExactly(title("Deal", 4), title("Deal", 2));
        assertThat(page).extracting(LeadRow::customerName).containsOnly(rareCustomer);
    }

    @Test
    void walksTheNewestFirstIndexForACommonTermWithoutCountingIt() {
        List<LeadRow> page = newestMatching("deal " + run);

        assertThat(page).hasSize(PAGE + 1);
        assertThat(page.get(0).title()).isEqualTo(title("Deal", LEADS));
        assertThat(indexUse.scans("lead_title_trgm")).isZero();
    }

    @Test
    void findsACommonTextThatAnotherFilterMakesRare() {
        List<LeadRow> page = search.page(new LeadFilter(LeadStatus.CLOSED_LOST, null, null, null, "deal " + run,
                null), LeadSort.CREATED, null, PAGE);

        assertThat(page).extracting(LeadRow::title).containsExactly(title("Deal", 8));
    }

    @Test
    void countsTheBoardOfACommonTermOnceForALeadMatchingTwice() {
        List<ColumnTotal> totals = search.totals(filter(run));

        assertThat(totals).extracting(ColumnTotal::status, ColumnTotal::count)
            .containsExactly(tuple(LeadStatus.CLOSED_LOST, 1L), tuple(LeadStatus.NEW, (long) LEADS - 1));
    }

    @Test
    void findsAShortTextWithoutAnIndexByWalkingInOrder() {
        List<LeadRow> page = newestMatching("ra");

        assertThat(page).isNotEmpty();
        assertThat(indexUse.scans("lead_title_trgm")).isZero();
    }

    @Test
    void countsTheBoardOfARareTermThroughTheTrigramIndexes() {
        List<ColumnTotal> totals = search.totals(filter("rare " + run));

        assertThat(totals).singleElement().satisfies(total -> {
            assertThat(total.status()).isEqualTo(LeadStatus.NEW);
            assertThat(total.count()).isEqualTo(3);
        });
        assertThat(indexUse.scans("lead_title_trgm")).isPositive();
    }

    /**
     * Leads one minute apart, the newest last: three of the oldest titled "Rare", two of the oldest for a customer of
     * a rare name, every other one "Deal" for a common customer; all of them new but one lost, an old one.
     */
    private void insertLeads() {
        jdbc.sql("select set_config('statement_timeout', '60s', true), set_config('crm.bulk_load', 'on', true)")
            .query().singleRow();
        UUID common = UUID.randomUUID();
        UUID rare = UUID.randomUUID();
        jdbc.sql("insert into customer (id, name, deleted, changed_at) values (:common, 'Acme Common', false, now()),"
                + " (:rare, :rareName, false, now())")
            .param("common", common).param("rare", rare).param("rareName", rareCustomer).update();
        jdbc.sql("""
                insert into lead (id, customer_id, title, source, value, currency, status, created_at, updated_at,
                                  version)
                select gen_random_uuid(), case when g in (2, 4) then :rare else :common end,
                       case when g <= 5 and g % 2 = 1 then 'Rare ' else 'Deal ' end || :run || ' ' || g, 'WEB', 1,
                       'EUR', case when g = 8 then 'CLOSED_LOST' else 'NEW' end,
                       timestamptz '2001-01-01' + g * interval '1 minute', now(), 0
                from generate_series(1, :leads) g""")
            .param("common", common).param("rare", rare).param("run", run).param("leads", LEADS).update();
        jdbc.sql("analyze lead").update();
        jdbc.sql("analyze customer").update();
    }

    private String title(String word, int g) {
        return word + " " + run + " " + g;
    }

    private List<LeadRow> newestMatching(String text) {
        return search.page(filter(text), LeadSort.CREATED, null, PAGE);
    }

    private static LeadFilter filter(String text) {
        return new LeadFilter(null, null, null, null, text, null);
    }
}
