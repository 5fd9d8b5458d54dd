package org.opencrm.lead.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class LeadTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void followsThePipelineAndStampsClosing() {
        Lead lead = lead();
        lead.moveTo(LeadStatus.IN_PROGRESS, null, NOW);
        assertThat(lead.getClosedAt()).isNull();
        lead.moveTo(LeadStatus.CLOSED_LOST, " too expensive ", NOW.plusSeconds(60));
        assertThat(lead.getLostReason()).isEqualTo("too expensive");
        assertThat(lead.getClosedAt()).isEqualTo(NOW.plusSeconds(60));
        lead.moveTo(LeadStatus.IN_PROGRESS, null, NOW.plusSeconds(120));
        assertThat(lead.getClosedAt()).isNull();
        assertThat(lead.getLostReason()).isNull();
        lead.moveTo(LeadStatus.CLOSED_WON, "ignored", NOW.plusSeconds(180));
        assertThat(lead.getStatus()).isEqualTo(LeadStatus.CLOSED_WON);
        assertThat(lead.getLostReason()).isNull();
        assertThat(lead.getClosedAt()).isEqualTo(NOW.plusSeconds(180));
        lead.moveTo(LeadStatus.IN_PROGRESS, null, NOW.plusSeconds(240));
        assertThat(lead.getStatus()).isEqualTo(LeadStatus.IN_PROGRESS);
        assertThat(lead.getClosedAt()).isNull();
    }

    @Test
    void refusesMovesThePipelineDoesNotAllowNamingTheAllowedOnes() {
        Lead lead = lead();
        assertThatThrownBy(() -> lead.moveTo(LeadStatus.CLOSED_WON, null, NOW))
            .isInstanceOfSatisfying(StatusTransitionException.class, ex -> assertThat(ex.allowed())
                .containsExactly(LeadStatus.IN_PROGRESS, LeadStatus.CLOSED_LOST));
        assertThatThrownBy(() -> lead.moveTo(LeadStatus.NEW, null, NOW)).isInstanceOf(StatusTransitionException.class);
        lead.moveTo(LeadStatus.IN_PROGRESS, null, NOW);
        lead.moveTo(LeadStatus.CLOSED_WON, null, NOW);
        assertThatThrownBy(() -> lead.moveTo(LeadStatus.CLOSED_LOST, "changed their mind", NOW))
            .isInstanceOfSatisfying(StatusTransitionException.class,
                    ex -> assertThat(ex.allowed()).containsExactly(LeadStatus.IN_PROGRESS));
    }

    @Test
    void aLostLeadNeedsAReason() {
        Lead lead = lead();
        assertThatThrownBy(() -> lead.moveTo(LeadStatus.CLOSED_LOST, "  ", NOW))
            .isInstanceOfSatisfying(InvalidLeadException.class, ex -> assertThat(ex.field()).isEqualTo("reason"));
        assertThat(lead.getStatus()).isEqualTo(LeadStatus.NEW);
    }

    @Test
    void everyStatusAllowsWhatThePipelineSays() {
        assertThat(LeadStatus.NEW.allowedNext()).containsExactly(LeadStatus.IN_PROGRESS, LeadStatus.CLOSED_LOST);
        assertThat(LeadStatus.IN_PROGRESS.allowedNext()).containsExactly(LeadStatus.CLOSED_WON, LeadStatus.CLOSED_LOST);
        assertThat(LeadStatus.CLOSED_WON.allowedNext()).containsExactly(LeadStatus.IN_PROGRESS);
        assertThat(LeadStatus.CLOSED_LOST.allowedNext()).containsExactly(LeadStatus.IN_PROGRESS);
    }

    @Test
    void keepsMoneyInTheCurrencysMinorUnits() {
        assertThat(Money.of(new BigDecimal("12500"), "EUR").plain()).isEqualTo("12500.00");
        assertThat(Money.of(new BigDecimal("3000.000"), "JPY").plain()).isEqualTo("3000");
        assertThat(Money.of(new BigDecimal("1.234"), "BHD").plain()).isEqualTo("1.234");
        assertThatThrownBy(() -> Money.of(new BigDecimal("1.5"), "JPY")).isInstanceOf(InvalidLeadException.class);
        assertThatThrownBy(() -> Money.of(new BigDecimal("-0.01"), "EUR")).isInstanceOf(InvalidLeadException.class);
        assertThatThrownBy(() -> Money.of(BigDecimal.ONE, "eur")).isInstanceOf(InvalidLeadException.class);
        assertThatThrownBy(() -> Money.of(BigDecimal.ONE, "XXX")).isInstanceOf(InvalidLeadException.class);
    }

    private static Lead lead() {
        return new Lead(UUID.randomUUID(), "Deal", LeadSource.WEB, Money.of(BigDecimal.TEN, "EUR"), NOW);
    }
}
