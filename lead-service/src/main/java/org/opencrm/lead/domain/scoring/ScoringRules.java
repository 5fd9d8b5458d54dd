package org.opencrm.lead.domain.scoring;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The rules and weights of scoring, from the config repo ({@code crm.leads.scoring}); a new {@link #version} says
 * that scores computed under another one are out of date.
 *
 * @param value points by the lead's value, thresholds per currency (a currency without thresholds scores 0)
 * @param source points per lead source
 * @param age points by the lead's age: the first band it falls within; older than every band: {@code olderPoints}
 * @param status points per status
 * @param signals per kind of customer event: points for how many and how recent
 */
public record ScoringRules(String version, Map<String, List<Threshold>> value, Map<String, Integer> source,
        List<AgeBand> age, Integer olderPoints, Map<String, Integer> status, Map<String, SignalRule> signals) {

    public ScoringRules {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("a scoring rule set needs a version");
        }
        value = value == null ? Map.of() : Map.copyOf(value);
        source = source == null ? Map.of() : Map.copyOf(source);
        age = age == null ? List.of() : age.stream().sorted(Comparator.comparingInt(AgeBand::maxDays)).toList();
        olderPoints = olderPoints == null ? 0 : olderPoints;
        status = status == null ? Map.of() : Map.copyOf(status);
        signals = signals == null ? Map.of() : Map.copyOf(signals);
    }

    /** {@code points} for a value of at least {@code min} (the highest threshold reached counts). */
    public record Threshold(BigDecimal min, int points) {
    }

    /** {@code points} for a lead at most {@code maxDays} old. */
    public record AgeBand(int maxDays, int points) {
    }

    /**
     * @param pointsEach points per event, at most {@code maxPoints} together
     * @param recentDays the last event within this many days earns {@code recentPoints} more
     * @param label what the reason calls these events ("customer updates")
     */
    public record SignalRule(int pointsEach, int maxPoints, int recentDays, int recentPoints, String label) {
    }
}
