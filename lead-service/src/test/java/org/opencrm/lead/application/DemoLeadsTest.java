package org.opencrm.lead.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.opencrm.lead.domain.LeadStatus;
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

    @Test
    void givesEveryLeadToSomeoneInTurnWithEveryStageForEach() {
        List<DemoLeads.Planned> plan = DemoLeads.plan(120, List.of(sam, sara));

        assertThat(plan).hasSize(120).allSatisfy(lead -> assertThat(lead.assignee()).isIn("u-1", "u-2"));
        Map<String, Set<LeadStatus>> stagesByAssignee = plan.stream()
            .collect(Collectors.groupingBy(DemoLeads.Planned::assignee,
                    Collectors.mapping(DemoLeads.Planned::status, Collectors.toSet())));
        assertThat(stagesByAssignee).containsOnlyKeys("u-1", "u-2")
            .allSatisfy((user, stages) -> assertThat(stages).containsExactlyInAnyOrder(LeadStatus.values()));
        assertThat(plan.stream().filter(lead -> lead.assignee().equals("u-1")).map(DemoLeads.Planned::status).toList())
            .as("one person's pipeline is not the other's")
            .isNotEqualTo(plan.stream().filter(lead -> lead.assignee().equals("u-2")).map(DemoLeads.Planned::status)
                .toList());
    }

    @Test
    void plansTheSamePipelineEveryTime() {
        assertThat(DemoLeads.plan(40, List.of(sam, sara))).isEqualTo(DemoLeads.plan(40, List.of(sam, sara)));
    }

    @Test
    void leavesTheLeadsUnassignedWithoutSalesUsers() {
        assertThat(DemoLeads.plan(5, List.of())).extracting(DemoLeads.Planned::assignee).containsOnlyNulls();
    }
}
