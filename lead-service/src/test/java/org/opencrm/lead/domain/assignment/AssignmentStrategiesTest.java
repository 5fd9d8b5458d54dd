package org.opencrm.lead.domain.assignment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AssignmentStrategiesTest {

    private static final Candidate ANNA = new Candidate("a", "anna", "Anna", true);

    private static final Candidate BEN = new Candidate("b", "ben", "Ben", true);

    private static final Candidate CARL_DISABLED = new Candidate("c", "carl", "Carl", false);

    private static final Candidate DORA = new Candidate("d", "dora", "Dora", true);

    private static final List<Candidate> TEAM = List.of(DORA, CARL_DISABLED, BEN, ANNA);

    @Test
    void roundRobinTakesTheNextEnabledUserAndSkipsTheDisabledOne() {
        RoundRobin strategy = new RoundRobin();

        assertThat(strategy.choose(TEAM, facts(null, Map.of()))).contains(ANNA);
        assertThat(strategy.choose(TEAM, facts("a", Map.of()))).contains(BEN);
        assertThat(strategy.choose(TEAM, facts("b", Map.of()))).contains(DORA);
        assertThat(strategy.choose(TEAM, facts("d", Map.of()))).contains(ANNA);
    }

    @Test
    void roundRobinContinuesAfterAPreviousUserWhoLeftTheTeam() {
        assertThat(new RoundRobin().choose(TEAM, facts("bb", Map.of()))).contains(DORA);
    }

    @Test
    void fewestOpenPrefersTheLeastBusyEnabledUser() {
        FewestOpenLeads strategy = new FewestOpenLeads();

        // Carl has none open but is disabled; Ben has fewer than Anna; Dora more
        assertThat(strategy.choose(TEAM, facts(null, Map.of("a", 3L, "b", 1L, "d", 5L)))).contains(BEN);
        assertThat(strategy.choose(TEAM, facts(null, Map.of("a", 2L, "b", 2L, "d", 2L)))).contains(ANNA);
        assertThat(strategy.choose(TEAM, facts(null, Map.of("a", 2L, "b", 2L)))).contains(DORA);
    }

    @Test
    void nobodyIsChosenWhenEveryoneIsDisabled() {
        List<Candidate> disabled = List.of(CARL_DISABLED);

        assertThat(new RoundRobin().choose(disabled, facts(null, Map.of()))).isEmpty();
        assertThat(new FewestOpenLeads().choose(disabled, facts(null, Map.of()))).isEmpty();
        assertThat(new FewestOpenLeads().choose(List.of(), facts(null, Map.of()))).isEmpty();
    }

    private static AssignmentFacts facts(String last, Map<String, Long> open) {
        return new AssignmentFacts() {
            @Override
            public Optional<String> lastAssigned() {
                return Optional.ofNullable(last);
            }

            @Override
            public Map<String, Long> openLeads(Collection<String> userIds) {
                assertThat(userIds).doesNotContain(CARL_DISABLED.id());
                return open;
            }
        };
    }
}
