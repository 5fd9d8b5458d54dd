package org.opencrm.lead.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencrm.lead.domain.SalesUser;

class DemoLeadsTest {

    final SalesUser sam = new SalesUser("u-1", "sales1", "Sam Seller");
    final SalesUser sara = new SalesUser("u-2", "sales2", "Sara Seller");
    final SalesUser bench = new SalesUser("u-7", "bench", "Bench Mark");

    @Test
    void assignsTheDemoLeadsToTheNamedSalesUsersOnly() {
        assertThat(DemoLeads.among(List.of(bench, sam, sara), List.of("sales1", "sales2", "gone")))
            .containsExactly(sam, sara);
    }

    @Test
    void assignsThemAcrossTheWholeTeamWhenNobodyIsNamed() {
        assertThat(DemoLeads.among(List.of(bench, sam), List.of())).containsExactly(bench, sam);
    }
}
